# bytes.find: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.find(*args))
show('keyword', lambda: b'a b'.find(bogus=1))
show('unbound, no self', lambda: bytes.find())
show('unbound, wrong self', lambda: bytes.find('x'))
show('unbound, wrong self and an argument', lambda: bytes.find('x', 1))
show('unbound', lambda: bytes.find(b'a b', 1))
