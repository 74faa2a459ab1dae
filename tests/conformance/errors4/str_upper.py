# str.upper: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.upper(*args))
show('keyword', lambda: 'a b'.upper(bogus=1))
show('unbound, no self', lambda: str.upper())
show('unbound, wrong self', lambda: str.upper(1))
show('unbound, wrong self and an argument', lambda: str.upper(1, 1))
show('unbound', lambda: str.upper('a b', 1))
