# string formatting of containers and escapes
print(str([1, "a", 2.0, None, True]), repr("it's"), repr('say "hi"'), repr("both ' \""))
print(repr("tab\t newline\n backslash\\ nul\x00 bell\x07"), repr("é ü 中"))
print("a\tb", "multi\nline")
print(str(b"x"), str(1e100), str(-0.5), str(10 ** 25))
print("abc" + str(1) + repr("z"), "%r %s" % ("q", "q"), ascii("é"))
print(len("\u00e9"), "\N{GREEK SMALL LETTER ALPHA}", "\x41\u0042")
