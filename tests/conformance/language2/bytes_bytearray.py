# bytes and bytearray basics
b = b"hello"
print(b[0], b[1:3], list(b[:2]), b.upper(), b + b"!", b * 2)
ba = bytearray(b)
ba[0] = 72
ba.append(33)
print(ba, bytes(ba), len(ba))
print(bytes(3), bytes([65, 66]), b"a,b".split(b","))
print("café".encode(), b"caf\xc3\xa9".decode(), b"\x00\xff".hex())
print(bytes.fromhex("41 42"), b"abc".find(b"c"), b"x" in b"xyz")
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
