# float.conjugate: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 2.5.conjugate(*args))
show('keyword', lambda: 2.5.conjugate(bogus=1))
show('unbound, no self', lambda: float.conjugate())
show('unbound, wrong self', lambda: float.conjugate('x'))
show('unbound, wrong self and an argument', lambda: float.conjugate('x', 1))
show('unbound', lambda: float.conjugate(2.5, 1))
