# dict.setdefault: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {'a': 1, 3: 4}.setdefault(*args))
show('keyword', lambda: {'a': 1, 3: 4}.setdefault(bogus=1))
show('unbound, no self', lambda: dict.setdefault())
show('unbound, wrong self', lambda: dict.setdefault('x'))
show('unbound, wrong self and an argument', lambda: dict.setdefault('x', 1))
show('unbound', lambda: dict.setdefault({'a': 1, 3: 4}, 1))
