# The objects that carry built-in methods: slot wrappers and method descriptors on their type,
# method-wrappers and built-in methods bound; their reprs, types and the checks of their self argument.
class C: pass
class I(int): pass
def shown(x):
    return type(x).__name__ + " " + repr(x).split(" at 0x")[0]
for x in [(5).__abs__, int.__abs__, [].append, list.append, list.__len__, [].__len__, object.__eq__,
          C().__eq__, C.__eq__, dict.fromkeys, int.from_bytes, I.__add__, I(2).__add__, True.__abs__,
          object.__new__, int.__new__, C.__init_subclass__, list.__class_getitem__, {}.__reversed__,
          dict.__getitem__, "".__format__, str.__format__, len, range.__len__, None.__bool__]:
    print(shown(x))
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("abs float", lambda: int.__abs__(1.5))
attempt("len none", lambda: list.__len__())
attempt("append", lambda: list.append([], 1, 2))
attempt("append str", lambda: list.append("x", 1))
attempt("add one", lambda: int.__add__(1))
attempt("sub", lambda: (I.__add__(I(2), 3), int.__sub__(True, 5), float.__neg__(2.5)))
attempt("format", lambda: (5).__format__())
attempt("format spec", lambda: ((5).__format__("03"), int.__format__(True, "")))
attempt("eq", lambda: ([].append == [].append, (5).__abs__ == (5).__abs__, len == len))
