# str.encode: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.encode(*args))
show('keyword', lambda: 'a b'.encode(bogus=1))
show('unbound, no self', lambda: str.encode())
show('unbound, wrong self', lambda: str.encode(1))
show('unbound, wrong self and an argument', lambda: str.encode(1, 1))
show('unbound', lambda: str.encode('a b', 1))
