# bytes.count: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.count(*args))
show('keyword', lambda: b'a b'.count(bogus=1))
show('unbound, no self', lambda: bytes.count())
show('unbound, wrong self', lambda: bytes.count('x'))
show('unbound, wrong self and an argument', lambda: bytes.count('x', 1))
show('unbound', lambda: bytes.count(b'a b', 1))
