# float.as_integer_ratio: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 2.5.as_integer_ratio(*args))
show('keyword', lambda: 2.5.as_integer_ratio(bogus=1))
show('unbound, no self', lambda: float.as_integer_ratio())
show('unbound, wrong self', lambda: float.as_integer_ratio('x'))
show('unbound, wrong self and an argument', lambda: float.as_integer_ratio('x', 1))
show('unbound', lambda: float.as_integer_ratio(2.5, 1))
