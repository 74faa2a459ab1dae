# tuple.__len__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (3, 1, 2).__len__(*args))
show('keyword', lambda: (3, 1, 2).__len__(bogus=1))
show('unbound, no self', lambda: tuple.__len__())
show('unbound, wrong self', lambda: tuple.__len__('x'))
show('unbound, wrong self and an argument', lambda: tuple.__len__('x', 1))
show('unbound', lambda: tuple.__len__((3, 1, 2), 1))
