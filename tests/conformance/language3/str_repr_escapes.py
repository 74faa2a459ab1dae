print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n"), repr("\x00\x7f"))
print(repr("caf\u00e9"), ascii("caf\u00e9"), repr(b"\x00ab\xff"), len("\u00e9".encode()))
print(str(b"x"), repr([1, "a", None, 2.0, (1,)]), repr({1: "a"}), repr(set()), repr(frozenset()))
