# set.__len__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {1, 2, 3}.__len__(*args))
show('keyword', lambda: {1, 2, 3}.__len__(bogus=1))
show('unbound, no self', lambda: set.__len__())
show('unbound, wrong self', lambda: set.__len__('x'))
show('unbound, wrong self and an argument', lambda: set.__len__('x', 1))
show('unbound', lambda: set.__len__({1, 2, 3}, 1))
