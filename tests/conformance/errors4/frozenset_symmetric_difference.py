# frozenset.symmetric_difference: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: frozenset({1, 2, 3}).symmetric_difference(*args))
show('keyword', lambda: frozenset({1, 2, 3}).symmetric_difference(bogus=1))
show('unbound, no self', lambda: frozenset.symmetric_difference())
show('unbound, wrong self', lambda: frozenset.symmetric_difference('x'))
show('unbound, wrong self and an argument', lambda: frozenset.symmetric_difference('x', 1))
show('unbound', lambda: frozenset.symmetric_difference(frozenset({1, 2, 3}), 1))
