# bytes(str) needs an encoding, and an encoding needs a str: TypeErrors; the codec checks its text.
cases = [
    ("bytes('x')", lambda: bytes('x')),
    ("bytes('x', 'ascii')", lambda: bytes('x', 'ascii')),
    ("bytes('\\xe9', 'ascii')", lambda: bytes('\xe9', 'ascii')),
    ("bytes('\\xe9', 'latin-1')", lambda: bytes('\xe9', 'latin-1')),
    ("bytes('x', 'nope')", lambda: bytes('x', 'nope')),
    ("bytes(b'a', 'ascii')", lambda: bytes(b'a', 'ascii')),
    ("bytes(1, 'ascii')", lambda: bytes(1, 'ascii')),
    ("bytes('x', encoding='utf-8')", lambda: bytes('x', encoding='utf-8')),
    ("bytes('x', 'latin-1', 'strict')", lambda: bytes('x', 'latin-1', 'strict')),
    ("bytes('\\xe9x', 'ascii', 'replace')", lambda: bytes('\xe9x', 'ascii', 'replace')),
    ("bytes()", lambda: bytes()),
    ("bytes(3)", lambda: bytes(3)),
    ("bytes([1, 2])", lambda: bytes([1, 2])),
]
for text, make in cases:
    try:
        print(text, '->', repr(make()))
    except Exception as e:
        print(text, '->', type(e).__name__, e)
