# identifier-like literals are interned, runtime-built strings are not
a = "hello"
b = "hello"
print("two literals:", a is b)
c = "".join(["hel", "lo"])
print("joined:", c is a, c == a)
d = "hel" + "lo"
print("constant folded:", d is a)
part = "hel"
e = part + "lo"
print("runtime concat:", e is a)
import sys
f = sys.intern(e)
print("sys.intern:", f is a)
lit_a = "a"
empty = ""
abc = "abc"
print("single char cached:", chr(97) is lit_a, abc[0] is lit_a)
print("empty:", "".join([]) is empty, abc[3:] is empty)
