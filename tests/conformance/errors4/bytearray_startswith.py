# bytearray.startswith: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: bytearray(b'a b').startswith(*args))
show('keyword', lambda: bytearray(b'a b').startswith(bogus=1))
show('unbound, no self', lambda: bytearray.startswith())
show('unbound, wrong self', lambda: bytearray.startswith('x'))
show('unbound, wrong self and an argument', lambda: bytearray.startswith('x', 1))
show('unbound', lambda: bytearray.startswith(bytearray(b'a b'), 1))
