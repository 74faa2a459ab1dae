# set.intersection: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {1, 2, 3}.intersection(*args))
show('keyword', lambda: {1, 2, 3}.intersection(bogus=1))
show('unbound, no self', lambda: set.intersection())
show('unbound, wrong self', lambda: set.intersection('x'))
show('unbound, wrong self and an argument', lambda: set.intersection('x', 1))
show('unbound', lambda: set.intersection({1, 2, 3}, 1))
