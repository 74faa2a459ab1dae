# str.isspace: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.isspace(*args))
show('keyword', lambda: 'a b'.isspace(bogus=1))
show('unbound, no self', lambda: str.isspace())
show('unbound, wrong self', lambda: str.isspace(1))
show('unbound, wrong self and an argument', lambda: str.isspace(1, 1))
show('unbound', lambda: str.isspace('a b', 1))
