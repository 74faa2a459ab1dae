# set.symmetric_difference: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: {1, 2, 3}.symmetric_difference(*args))
show('keyword', lambda: {1, 2, 3}.symmetric_difference(bogus=1))
show('unbound, no self', lambda: set.symmetric_difference())
show('unbound, wrong self', lambda: set.symmetric_difference('x'))
show('unbound, wrong self and an argument', lambda: set.symmetric_difference('x', 1))
show('unbound', lambda: set.symmetric_difference({1, 2, 3}, 1))
