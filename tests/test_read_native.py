"""The C binary-file check (newsingest._read) against its specification in read.py."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest import read

from .conftest import examples

native = read._read

# Text with control characters now and then, placed anywhere around the end of the head.
MARKED_TEXT = st.tuples(
    st.integers(0, read._BINARY_HEAD + 8),
    st.text(alphabet=st.sampled_from("কখ১ a\n\t\r\x00\x01\x08\x09\x0d\x0e\x1f\x20\x7f\x80\xa0"), max_size=20),
    st.sampled_from(["ক", "a", "\U0001f600"]),
).map(lambda parts: parts[2] * parts[0] + parts[1])


def test_the_c_check_is_built_and_used() -> None:
    assert native is not None, (
        "newsingest._read was not built, so the binary-file check runs as a regex. "
        "The editable install compiles src/newsingest/_read.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )


needs_native = pytest.mark.skipif(native is None, reason="the C check is not built (see the test above)")


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(st.text(), MARKED_TEXT))
@example("")
@example("\x7f")
@example("ক" * read._BINARY_HEAD + "\x01")
@example("ক" * (read._BINARY_HEAD - 1) + "\x01")
@example("a" * read._BINARY_HEAD + "\x00")
def test_native_check_equals_the_python_check(text: str) -> None:
    assert native.has_binary_mark(text, read._BINARY_HEAD) == read.has_binary_mark_python(text)


@needs_native
@pytest.mark.parametrize("args", [(b"x", 1), ("x", "1"), ("x",)])
def test_has_binary_mark_rejects_wrong_arguments(args: tuple) -> None:
    with pytest.raises(TypeError):
        native.has_binary_mark(*args)


@needs_native
@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(st.text(), MARKED_TEXT))
@example("ঢাকা, ১২ অক্টোবর")
def test_utf8_is_str_encode(text: str) -> None:
    assert read.utf8(text) == text.encode("utf-8") == read.utf8(text)  # (again: from the kept copy)


@needs_native
def test_utf8_refuses_a_lone_surrogate_as_encode_does() -> None:
    with pytest.raises(UnicodeEncodeError):
        read.utf8("ক\ud800")
    with pytest.raises(TypeError):
        read.utf8(b"bytes")  # type: ignore[arg-type]
