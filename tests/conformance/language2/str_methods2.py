# common str methods
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("-".join(["x", "y", "z"]), "".join([]))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2))
print("banana".find("n"), "banana".rfind("n"), "banana".find("z"), "banana".index("na"))
print("banana".count("a"), "banana".count("an"))
print("key=value=x".partition("="), "novalue".partition("="), "a=b=c".rpartition("="))
print("42".zfill(5), "-42".zfill(5), "hi".center(7, "*"), "hi".ljust(4, ".") + "|")
print("hello world".title(), "Hello".swapcase(), "hello".capitalize())
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "abc".startswith("b", 1))
print("A1b2".isalnum(), "123".isdigit(), "abc".isalpha(), "  ".isspace(), "Ab".isupper())
print("xxhixx".strip("x"), "www.site.com".removeprefix("www."), "f.py".removesuffix(".py"))
print("line1\nline2\r\nline3".splitlines())
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
