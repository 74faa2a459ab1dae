# int.bit_length: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (7).bit_length(*args))
show('keyword', lambda: (7).bit_length(bogus=1))
show('unbound, no self', lambda: int.bit_length())
show('unbound, wrong self', lambda: int.bit_length('x'))
show('unbound, wrong self and an argument', lambda: int.bit_length('x', 1))
show('unbound', lambda: int.bit_length((7), 1))
