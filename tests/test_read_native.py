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


# Text of the Basic Multilingual Plane but the surrogates, mostly Bengali with ASCII between.
BMP_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("ঢাকা১২ অক্টোবর,।\n"),
        st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)),
    )
)


def _changed(data: bytes, at: int, byte: int) -> bytes:
    """`data` with its byte `at` (modulo its length) set to `byte`."""
    if not data:
        return bytes([byte])
    changed = bytearray(data)
    changed[at % len(data)] = byte
    return bytes(changed)


# Any bytes, or the UTF-8 of such text broken: a byte changed, or the last one cut off.
UTF8_ISH = st.one_of(
    st.binary(),
    st.builds(_changed, BMP_TEXT.map(str.encode), st.integers(), st.integers(0, 255)),
    BMP_TEXT.map(lambda text: text.encode()[:-1]),
)


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(BMP_TEXT)
@example("ক")
@example("aক")
@example("কa")
@example("ÿĀ")  # U+00FF then U+0100: two-byte forms both sides of the narrow limit
@example("\u0800\ufffd\ud7ff\ue000")  # the three-byte limits around the surrogates
@example("১২ অক্টোবর " * 100)  # longer than the blocks the continuation bytes are counted in
def test_decode_bmp_reads_utf8_of_wide_text(text: str) -> None:
    decoded = read.decode_bmp(text.encode("utf-8"))
    if max(map(ord, text), default=0) >= 0x100:
        assert decoded == text
    else:  # ASCII and Latin-1 are left to Python's decoder, which keeps them in one byte
        assert decoded is None


@needs_native
@settings(max_examples=examples(3000), deadline=None)
@given(UTF8_ISH)
@example(b"\xe0\xa6")  # cut short
@example(b"\xe0\xa6a" + "ক".encode())  # not continued
@example(b"\xc3a" + "ক".encode())
@example(b"\xe0\x80\x80")  # overlong
@example(b"\xc0\x80" + "ক".encode())  # overlong NUL
@example(b"\xed\xa0\x80" + "ক".encode())  # a surrogate
@example("ক".encode() + b"\x80")  # a stray continuation byte
@example("ক😀".encode())  # four bytes
@example("ক".encode() + b"\xff")
def test_decode_bmp_is_the_decoder_or_leaves_it_the_bytes(data: bytes) -> None:
    decoded = read.decode_bmp(data)
    if decoded is not None:
        assert decoded == data.decode("utf-8")
        assert max(map(ord, decoded)) >= 0x100


@needs_native
def test_decode_bmp_refuses_a_str() -> None:
    with pytest.raises(TypeError):
        read.decode_bmp("ক")  # type: ignore[arg-type]


def test_decode_reports_bad_utf8_whatever_decodes_it() -> None:
    with pytest.raises(read.InputError, match="invalid byte 0xff at offset 3"):
        read.decode("ক".encode() + b"\xff" + "খ".encode())
    assert read.decode("কখ".encode()).text == "কখ"
