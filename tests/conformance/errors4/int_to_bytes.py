# int.to_bytes: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (7).to_bytes(*args))
show('keyword', lambda: (7).to_bytes(bogus=1))
show('unbound, no self', lambda: int.to_bytes())
show('unbound, wrong self', lambda: int.to_bytes('x'))
show('unbound, wrong self and an argument', lambda: int.to_bytes('x', 1))
show('unbound', lambda: int.to_bytes((7), 1))
