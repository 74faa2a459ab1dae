# dict.__getitem__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {'a': 1, 3: 4}.__getitem__(*args))
show('keyword', lambda: {'a': 1, 3: 4}.__getitem__(bogus=1))
show('unbound, no self', lambda: dict.__getitem__())
show('unbound, wrong self', lambda: dict.__getitem__('x'))
show('unbound, wrong self and an argument', lambda: dict.__getitem__('x', 1))
show('unbound', lambda: dict.__getitem__({'a': 1, 3: 4}, 1))
