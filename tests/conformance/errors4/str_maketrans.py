# str.maketrans: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.maketrans(*args))
show('keyword', lambda: 'a b'.maketrans(bogus=1))
show('unbound, no self', lambda: str.maketrans())
show('unbound, wrong self', lambda: str.maketrans(1))
show('unbound, wrong self and an argument', lambda: str.maketrans(1, 1))
show('unbound', lambda: str.maketrans('a b', 1))
