# frozenset.difference: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: frozenset({1, 2, 3}).difference(*args))
show('keyword', lambda: frozenset({1, 2, 3}).difference(bogus=1))
show('unbound, no self', lambda: frozenset.difference())
show('unbound, wrong self', lambda: frozenset.difference('x'))
show('unbound, wrong self and an argument', lambda: frozenset.difference('x', 1))
show('unbound', lambda: frozenset.difference(frozenset({1, 2, 3}), 1))
