# str.removeprefix: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.removeprefix(*args))
show('keyword', lambda: 'a b'.removeprefix(bogus=1))
show('unbound, no self', lambda: str.removeprefix())
show('unbound, wrong self', lambda: str.removeprefix(1))
show('unbound, wrong self and an argument', lambda: str.removeprefix(1, 1))
show('unbound', lambda: str.removeprefix('a b', 1))
