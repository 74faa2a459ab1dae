# iter(): wrong argument counts and types and an unknown keyword raise TypeError, never crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c'), (1, 2, 3, 4, 5)]:
    show(args, lambda: iter(*args))
show('keyword', lambda: iter(bogus=1))
show('argument and keyword', lambda: iter([1], bogus=1))
