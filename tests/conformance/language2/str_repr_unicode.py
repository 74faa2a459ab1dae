# repr and len of non-ASCII text
s = "héllo wörld ✓"
print(s, len(s))
print(repr(s))
print(s.upper(), s.title())
print(repr("\x00\x7f\u00a0\u200b"))
print(ord("é"), chr(233), chr(0x1F600) == "\U0001F600")
print(len("😀"), "😀".encode("utf-8"))
print("straße".upper(), "ǅ".lower())
print(ascii("naïve ☃"))
