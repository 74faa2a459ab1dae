# bytes.strip: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.strip(*args))
show('keyword', lambda: b'a b'.strip(bogus=1))
show('unbound, no self', lambda: bytes.strip())
show('unbound, wrong self', lambda: bytes.strip('x'))
show('unbound, wrong self and an argument', lambda: bytes.strip('x', 1))
show('unbound', lambda: bytes.strip(b'a b', 1))
