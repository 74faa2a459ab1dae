# frozenset.__contains__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: frozenset({1, 2, 3}).__contains__(*args))
show('keyword', lambda: frozenset({1, 2, 3}).__contains__(bogus=1))
show('unbound, no self', lambda: frozenset.__contains__())
show('unbound, wrong self', lambda: frozenset.__contains__('x'))
show('unbound, wrong self and an argument', lambda: frozenset.__contains__('x', 1))
show('unbound', lambda: frozenset.__contains__(frozenset({1, 2, 3}), 1))
