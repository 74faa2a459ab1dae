# bytearray.count: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: bytearray(b'a b').count(*args))
show('keyword', lambda: bytearray(b'a b').count(bogus=1))
show('unbound, no self', lambda: bytearray.count())
show('unbound, wrong self', lambda: bytearray.count('x'))
show('unbound, wrong self and an argument', lambda: bytearray.count('x', 1))
show('unbound', lambda: bytearray.count(bytearray(b'a b'), 1))
