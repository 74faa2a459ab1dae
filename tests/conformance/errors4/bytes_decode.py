# bytes.decode: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.decode(*args))
show('keyword', lambda: b'a b'.decode(bogus=1))
show('unbound, no self', lambda: bytes.decode())
show('unbound, wrong self', lambda: bytes.decode('x'))
show('unbound, wrong self and an argument', lambda: bytes.decode('x', 1))
show('unbound', lambda: bytes.decode(b'a b', 1))
