# Two entry points: `make run` and `make test`. Both build .venv on first use and
# re-run quickly afterwards: the install step re-runs only when pyproject.toml, setup.py or
# a C extension changes (the editable install compiles them into src/, beside their Python).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED := ../shared
# The C extensions, and the modules mypyc compiles (read from setup.py's COMPILED_MODULES):
# an editable install runs their .so, so an edit to one must rebuild it.
COMPILED_MODULES := $(shell sed -n 's/^    "\(src\/newsingest\/.*\.py\)",$$/\1/p' setup.py)
BUILD_INPUTS := pyproject.toml setup.py src/newsingest/dates/_tokenize.c src/newsingest/_counts.c src/newsingest/_read.c src/newsingest/_models.c src/newsingest/_write.c \
	src/newsingest/formats/_scan.c src/newsingest/_normalise.c src/newsingest/dates/_tense.c $(COMPILED_MODULES)

.PHONY: run test lint eval bench fuzz clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "newsingest needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The editable install leaves the bytecode to the first run, which cannot write it where
# PYTHONDONTWRITEBYTECODE is set: compileall writes it, as a normal install does (~20 ms a start).
$(VENV)/.installed: $(BUILD_INPUTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[html]"
	$(BIN)/python -m compileall -q src/newsingest
	@touch $@

$(VENV)/.installed-test: $(BUILD_INPUTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test,html]"
	$(BIN)/python -m compileall -q src/newsingest
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/newsingest parse seeds/

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src/newsingest

test: lint
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: $(BUILD_INPUTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test,html,bench]"
	$(BIN)/python -m compileall -q src/newsingest
	@touch $@ $(VENV)/.installed $(VENV)/.installed-test

# Synthetic corpora of 10,000 and 100,000 articles; BENCH_ARGS=--small for a quick look.
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The property tests with many more examples (FUZZ_EXAMPLES per test); prints inputs tried.
FUZZ_EXAMPLES ?= 20000
fuzz: $(VENV)/.installed-test
	NEWSINGEST_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider \
		tests/test_properties.py tests/test_trust.py tests/test_segment.py tests/test_normalise.py \
		tests/test_dates.py tests/test_clean.py tests/test_tense.py tests/test_tokenize_native.py tests/test_counts_native.py tests/test_normalise_native.py tests/test_tense_native.py tests/test_read_native.py tests/test_scan_native.py tests/test_write_native.py tests/test_streamed.py tests/test_tarheaders.py tests/test_scale.py \
		-k "any_ or counted_a_record or output_validates or count_words_is or needs_work or nfc or idempotent or shortcuts or squeeze or timex3 or clause_tense or tense_reads or clause_end_count or native_tokenize or native_counts or native_normalise or native_tense or native_check or fix_apply or may_repeat or legacy_lines or as_pydantic or header_decodes or byte_sum or tokenize_tuples or past_any_skip or by_its_own_name" \
		--hypothesis-show-statistics -q

eval: $(VENV)/.installed
	@if [ -f $(SHARED)/tools/eval_dates.py ]; then \
		$(BIN)/python $(SHARED)/tools/eval_dates.py $(SHARED)/dev --cmd "$(BIN)/newsingest parse" $(EVAL_ARGS); \
	else echo "skipped: $(SHARED)/tools/eval_dates.py not found (the dev gold set lives beside the repo)"; fi

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis .mypy_cache
	find src -name '*.so' -delete
