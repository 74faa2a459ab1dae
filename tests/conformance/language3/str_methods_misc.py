s = "Hello, World"
print(s.center(20, "*"), s.ljust(15, "."), s.rjust(15))
print(s.zfill(15), "-42".zfill(6), s.swapcase(), s.title())
print(s.partition(", "), s.rpartition("o"), s.casefold())
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".rsplit(",", 1))
print("  x  ".strip(), "xxhixx".strip("x"), "abc".startswith(("x", "a")))
print("tab\there".expandtabs(4), "AbC".isupper(), "123".isdigit(), "x1".isalnum())
print("one two".count("o"), "hello".find("l"), "hello".rfind("l"), "hello".index("e"))
print("-".join(["a", "b"]), "a\nb\r\nc".splitlines(), "ab".replace("b", "c", 0))
