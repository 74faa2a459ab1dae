# bytes.hex: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.hex(*args))
show('keyword', lambda: b'a b'.hex(bogus=1))
show('unbound, no self', lambda: bytes.hex())
show('unbound, wrong self', lambda: bytes.hex('x'))
show('unbound, wrong self and an argument', lambda: bytes.hex('x', 1))
show('unbound', lambda: bytes.hex(b'a b', 1))
