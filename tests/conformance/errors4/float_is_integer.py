# float.is_integer: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 2.5.is_integer(*args))
show('keyword', lambda: 2.5.is_integer(bogus=1))
show('unbound, no self', lambda: float.is_integer())
show('unbound, wrong self', lambda: float.is_integer('x'))
show('unbound, wrong self and an argument', lambda: float.is_integer('x', 1))
show('unbound', lambda: float.is_integer(2.5, 1))
