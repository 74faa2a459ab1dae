# frozenset.copy: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: frozenset({1, 2, 3}).copy(*args))
show('keyword', lambda: frozenset({1, 2, 3}).copy(bogus=1))
show('unbound, no self', lambda: frozenset.copy())
show('unbound, wrong self', lambda: frozenset.copy('x'))
show('unbound, wrong self and an argument', lambda: frozenset.copy('x', 1))
show('unbound', lambda: frozenset.copy(frozenset({1, 2, 3}), 1))
