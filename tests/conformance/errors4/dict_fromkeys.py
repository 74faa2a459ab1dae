# dict.fromkeys: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {'a': 1, 3: 4}.fromkeys(*args))
show('keyword', lambda: {'a': 1, 3: 4}.fromkeys(bogus=1))
show('unbound, no self', lambda: dict.fromkeys())
show('unbound, wrong self', lambda: dict.fromkeys('x'))
show('unbound, wrong self and an argument', lambda: dict.fromkeys('x', 1))
show('unbound', lambda: dict.fromkeys({'a': 1, 3: 4}, 1))
