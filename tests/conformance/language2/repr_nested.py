# repr of nested containers and of str inside containers
data = {"name": "O'Brien", "tags": ["a", 'b"c'], "pos": (1,), "empty": {}, "s": set(), "n": None}
print(data)
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"))
print([[]], [()], [{}], ((),), [1, [2, [3, [4]]]])
print(str([1.5, -0.0, 1e20, 1e-5]))
print({1: {2: {3: "deep"}}})
print(repr(frozenset()), repr(frozenset([3, 1, 2])))
class R:
    def __repr__(self):
        return "<R>"
    def __str__(self):
        return "R-str"
print([R()], str(R()), f"{R()}", f"{R()!r}")
