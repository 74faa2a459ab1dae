# copies have new identities; slicing a tuple/str fully returns the same object
lst = [1, 2, 3]
print("list[:] is new:", lst[:] is lst, list(lst) is lst)
t = (1, 2, 3)
print("tuple[:] same:", t[:] is t, tuple(t) is t)
s = "runtime" + str(len(lst))
print("str[:] same:", s[:] is s, str(s) is s)
fs = frozenset([1, 2])
print("frozenset(fs) same:", frozenset(fs) is fs)
b = bytes([1, 2])
print("bytes(b) same:", bytes(b) is b)
print("copy():", lst.copy() is lst, dict({}) is {})
