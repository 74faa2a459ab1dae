# dict.copy: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {'a': 1, 3: 4}.copy(*args))
show('keyword', lambda: {'a': 1, 3: 4}.copy(bogus=1))
show('unbound, no self', lambda: dict.copy())
show('unbound, wrong self', lambda: dict.copy('x'))
show('unbound, wrong self and an argument', lambda: dict.copy('x', 1))
show('unbound', lambda: dict.copy({'a': 1, 3: 4}, 1))
