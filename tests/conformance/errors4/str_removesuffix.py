# str.removesuffix: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.removesuffix(*args))
show('keyword', lambda: 'a b'.removesuffix(bogus=1))
show('unbound, no self', lambda: str.removesuffix())
show('unbound, wrong self', lambda: str.removesuffix(1))
show('unbound, wrong self and an argument', lambda: str.removesuffix(1, 1))
show('unbound', lambda: str.removesuffix('a b', 1))
