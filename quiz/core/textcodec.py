"""Bytes to text for files a person hands us: UTF-8 (with or without BOM) only,
and when it is not, say what it looks like and how to convert it."""
from __future__ import annotations

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)


def _convert_hint(enc: str) -> str:
    return f"convert it to UTF-8, e.g. `iconv -f {enc} -t UTF-8 FILE > FILE.utf8`"


def guess_encoding(data: bytes) -> str | None:
    """A best guess at a non-UTF-8 encoding of `data`, or None for binary/unknown."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 4 and len(sample) >= 4:
        evens, odds = sample[0::2].count(0), sample[1::2].count(0)
        if odds > evens * 4:
            return "UTF-16LE"
        if evens > odds * 4:
            return "UTF-16BE"
        return None
    if b"\x00" in sample:
        return None
    wide = _utf16_without_nul(sample)
    if wide:
        return wide
    for enc, name in (("gb18030", "GBK"), ("big5", "Big5"), ("shift_jis", "Shift-JIS")):
        try:
            sample.decode(enc)
        except UnicodeDecodeError as e:
            if e.start >= len(sample) - 4 and len(data) > len(sample):
                return name  # cut in the middle of a character by the sample
            continue
        return name
    return None


def _utf16_without_nul(sample: bytes) -> str | None:
    """UTF-16 of CJK text has no NUL bytes: it decodes to (almost) nothing but CJK,
    CJK punctuation and printable ASCII, which GBK or binary bytes read that way do not."""
    chunk = sample[:4000]
    chunk = chunk[:len(chunk) // 2 * 2]
    if len(chunk) < 8:
        return None
    for enc, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        try:
            t = chunk.decode(enc)
        except UnicodeDecodeError:
            continue
        good = sum("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
                   or (c.isascii() and (c.isprintable() or c in "\r\n\t")) for c in t)
        if good >= 0.9 * len(t):
            return name
    return None


def _overlong(data: bytes, at: int) -> bytes | None:
    """The bytes of an overlong UTF-8 sequence at `at` (a character written in more bytes than it
    needs: no encoder writes one, so it is neither GBK nor any text), else None."""
    b0 = data[at]
    b1 = data[at + 1] if at + 1 < len(data) else -1
    if b0 in (0xC0, 0xC1) and 0x80 <= b1 <= 0xBF:
        return data[at:at + 2]
    if (b0 == 0xE0 and 0x80 <= b1 <= 0x9F) or (b0 == 0xF0 and 0x80 <= b1 <= 0x8F):
        n = 3 if b0 == 0xE0 else 4
        return data[at:at + n]
    return None


def _next_error(view: memoryview, at: int, chunk: int = 1 << 16) -> int | None:
    """Where the next UTF-8 error from `at` is (None: none). Read a window at a time: an error
    raised over the whole rest would copy all of it into the exception (quadratic over many errors)."""
    import codecs

    chunk = max(chunk, 4)   # a window always holds one whole character (UTF-8: at most 4 bytes)
    while at < len(view):
        window = view[at:at + chunk]
        final = at + chunk >= len(view)
        try:
            _text, used = codecs.utf_8_decode(window, "strict", final)
        except UnicodeDecodeError as e:
            return at + e.start
        if used == 0:   # (cannot happen with a window of 4 bytes or more: a guard against a loop)
            return at
        at += used
    return None


def _only_overlong(data: bytes, start: int) -> bytes | None:
    """The first overlong sequence when every UTF-8 error from `start` on is one (a UTF-8 file with
    such tricks in it); None when another error shows the file is in another encoding (GBK's
    characters can look like overlong sequences one at a time)."""
    first = None
    at = start
    rest = [data[:start]]
    view = memoryview(data)   # slices of a view are not copies: each step reads only up to its error
    for _ in range(10_000):
        over = _overlong(data, at)
        if over is None:
            return None
        first = first or over
        a = at + len(over)
        bad = _next_error(view, a)
        if bad is not None:
            rest.append(data[a:bad])
            at = bad
            continue
        rest.append(data[a:])
        text = b"".join(rest).decode("utf-8", "replace")
        break
    else:
        return None
    # the other characters must read as text (Chinese, mostly): GBK bytes read as UTF-8 give Cyrillic,
    # IPA and the like, in the few places they decode at all
    wide = [c for c in text if ord(c) > 0x7F]
    cjk = sum(1 for c in wide if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return first if not wide or cjk * 2 >= len(wide) else None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return line, col


def decode_bytes(data: bytes) -> tuple[str | None, tuple[int, int, str] | None]:
    """(text, None) or (None, (line, col, message))."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, name in _BOMS:
        if data.startswith(bom):
            return None, (1, 1, f"the file is {name} (it starts with a {name} byte order mark), not UTF-8; {_convert_hint(name)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _position(data, e.start)
        over = _only_overlong(data, e.start)
        if over is not None:
            return None, (line, col, f"the bytes {over.hex(' ').upper()} are an overlong UTF-8 sequence (a character "
                          "written in more bytes than it needs), which no text editor writes; save the file as UTF-8")
        enc = guess_encoding(data)
        if enc is None:
            if b"\x00" in data[:65536]:
                return None, (line, col, "this is a binary file, not a UTF-8 text file")
            if data[e.start:e.start + 1] == b"\xed" and data[e.start + 1:e.start + 2] >= b"\xa0":
                shown = data[e.start:e.start + 3].hex(" ").upper()
                return None, (line, col, f"the bytes {shown} encode a lone surrogate (U+D800-U+DFFF), which is not "
                              "valid UTF-8; save the file as UTF-8")
            what = "cannot start a character" if e.reason == "invalid start byte" else "starts a broken character"
            return None, (line, col, f"the file is not UTF-8 text (byte 0x{data[e.start]:02x} {what}); save it as UTF-8")
        return None, (line, col, f"the file is not UTF-8: it looks like {enc}; {_convert_hint(enc)}")
    nul = text.find("\x00")
    if nul >= 0:
        enc = guess_encoding(data)
        if enc and enc.startswith("UTF-16"):
            return None, (1, 1, f"the file looks like {enc} without a byte order mark, not UTF-8; {_convert_hint(enc)}")
        line, col = _position(data, data.find(b"\x00"))
        return None, (line, col, "NUL byte in the file: this looks like a binary file, not text")
    return text, None
