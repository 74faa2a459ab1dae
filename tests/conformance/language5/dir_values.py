# dir() of built-in values and types lists CPython's names, each an attribute getattr finds.
class A:
    def __init__(self):
        self.value = 1
class I(int): pass
class L(list): pass
values = [object(), 5, True, 2.5, "s", [], (), {}, frozenset(), range(3), None, ..., A(), A, I(3), L(), list]
for v in values:
    names = dir(v)
    missing = [n for n in names if not hasattr(v, n)]
    print(type(v).__name__, len(names), names[:4], names[-3:], missing)
print(dir(set()))
s = {1, 2}
print(set.symmetric_difference_update({1, 2}, [2, 3]), s.symmetric_difference_update((2, 5)), s)
print([n for n in dir(1.5) if n.startswith("__r")])
print([n for n in dir([]) if n not in dir(object)])
