# list.clear: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: [3, 1, 2].clear(*args))
show('keyword', lambda: [3, 1, 2].clear(bogus=1))
show('unbound, no self', lambda: list.clear())
show('unbound, wrong self', lambda: list.clear('x'))
show('unbound, wrong self and an argument', lambda: list.clear('x', 1))
show('unbound', lambda: list.clear([3, 1, 2], 1))
