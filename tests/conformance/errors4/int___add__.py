# int.__add__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (7).__add__(*args))
show('keyword', lambda: (7).__add__(bogus=1))
show('unbound, no self', lambda: int.__add__())
show('unbound, wrong self', lambda: int.__add__('x'))
show('unbound, wrong self and an argument', lambda: int.__add__('x', 1))
show('unbound', lambda: int.__add__((7), 1))
