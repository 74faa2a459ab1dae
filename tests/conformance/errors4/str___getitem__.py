# str.__getitem__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.__getitem__(*args))
show('keyword', lambda: 'a b'.__getitem__(bogus=1))
show('unbound, no self', lambda: str.__getitem__())
show('unbound, wrong self', lambda: str.__getitem__(1))
show('unbound, wrong self and an argument', lambda: str.__getitem__(1, 1))
show('unbound', lambda: str.__getitem__('a b', 1))
