# int.conjugate: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (7).conjugate(*args))
show('keyword', lambda: (7).conjugate(bogus=1))
show('unbound, no self', lambda: int.conjugate())
show('unbound, wrong self', lambda: int.conjugate('x'))
show('unbound, wrong self and an argument', lambda: int.conjugate('x', 1))
show('unbound', lambda: int.conjugate((7), 1))
