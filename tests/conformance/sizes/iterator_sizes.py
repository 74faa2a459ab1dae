# sys.getsizeof and type names of the built-in iterators; a range iterator is not a gc object (untracked,
# no gc head, not counted in generation 0); a set iterator notices a change of size, stickily.
import gc
import sys

its = [iter([1]), iter((1,)), iter({1: 2}), iter({1: 2}.values()), iter({1: 2}.items()), iter(range(3)),
       iter(range(2**70)), iter("ab"), iter("é"), iter(b"ab"), iter(bytearray(b"a")), enumerate([1]), zip([1], [2]),
       zip(), map(abs, [1]), filter(None, [1]), reversed([1]), reversed((1, 2)), reversed(range(3)), reversed("ab"),
       iter({3, 1, 2}), iter(frozenset({1})), iter(lambda: 1, 2)]
for it in its:
    print(type(it).__name__, sys.getsizeof(it), it.__sizeof__(), gc.is_tracked(it))
gc.collect()
gc.get_count()
c0 = gc.get_count()[0]
r = iter(range(5))
print("range iterator allocations", gc.get_count()[0] - c0)
s = {3, 1, 2}
it = iter(s)
print(next(it), list(it))
it = iter(s)
next(it)
s.add(9)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e)
s.discard(9)
try:
    next(it)
except RuntimeError as e:
    print("still RuntimeError", e)
