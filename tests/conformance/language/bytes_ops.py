# bytes and bytearray basics
b = b"hello"
print(b, b[0], b[1:3], len(b), b + b" world", b * 2)
print(b.upper(), b.decode(), "héllo".encode(), "héllo".encode("utf-8").decode("utf-8"))
print(bytes([65, 66, 67]), bytes(3), b.hex(), bytes.fromhex("4142"), list(b"ab"))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 90
print(ba, bytes(ba), ba.find(b"c"), b"x" in ba)
print(b"a,b".split(b","), b" x ".strip(), b"abc".replace(b"b", b"B"))
print(repr(b"\x00\xff\n'"), b"abc" == b"abc", b"abc" < b"abd")
