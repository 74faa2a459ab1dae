# A subclass instance of dict, set, frozenset or tuple is one gc allocation (its value is part of it), a
# range iterator none; a full collection empties the free lists, so the next tuples and lists are new
# allocations again.
import gc


class D(dict):
    pass


class S(set):
    pass


class FS(frozenset):
    pass


class T(tuple):
    pass


results = []
kept = []
gc.collect()
for label, make in [("D()", D), ("S()", S), ("FS()", FS), ("T()", T), ("range iter", lambda: iter(range(3))),
                    ("dict", dict), ("tuple", lambda: tuple([1, 2]))]:
    gc.get_count()
    c0 = gc.get_count()[0]
    kept.append([make() for _ in range(5)])
    results.append((label, gc.get_count()[0] - c0))
gc.collect()
c0 = gc.get_count()[0]
after_full = gc.get_count()[0] - c0
print(results, "first get_count after a full collection", after_full)
