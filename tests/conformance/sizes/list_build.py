# How a list's capacity depends on the way it was built: literal, constant literal (folded to an extend
# from a tuple), comprehension (appends), list(x) (exact preallocation when x has a length, else the length
# hint), sorted, copy, slicing, concatenation and repetition, star-unpacking.
import sys


def gen(n):
    for i in range(n):
        yield i


a, b, c = 1, 2, 3
for n in range(0, 13):
    src = list(range(n))
    print(
        n,
        sys.getsizeof(list(range(n))),
        sys.getsizeof(list(tuple(src))),
        sys.getsizeof(list(src)),
        sys.getsizeof(list(gen(n))),
        sys.getsizeof(list(iter(src))),
        sys.getsizeof([i for i in range(n)]),
        sys.getsizeof(sorted(src)),
        sys.getsizeof(sorted(gen(n))),
        sys.getsizeof(src.copy()),
        sys.getsizeof(src[:]),
        sys.getsizeof(src + src),
        sys.getsizeof(src * 3),
        sys.getsizeof([*src]),
        sys.getsizeof([*src, a]),
        sys.getsizeof(list("x" * n)),
        sys.getsizeof(list({i: i for i in range(n)})),
        sys.getsizeof(list(set(src))),
        sys.getsizeof(list(map(str, src))),
    )
print(sys.getsizeof([]), sys.getsizeof([a]), sys.getsizeof([a, b]), sys.getsizeof([a, b, c]))
print(sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof(list()), sys.getsizeof(list([])), sys.getsizeof(list(())), sys.getsizeof(list(gen(0))))
