# set.discard: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {1, 2, 3}.discard(*args))
show('keyword', lambda: {1, 2, 3}.discard(bogus=1))
show('unbound, no self', lambda: set.discard())
show('unbound, wrong self', lambda: set.discard('x'))
show('unbound, wrong self and an argument', lambda: set.discard('x', 1))
show('unbound', lambda: set.discard({1, 2, 3}, 1))
