# list.append: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: [3, 1, 2].append(*args))
show('keyword', lambda: [3, 1, 2].append(bogus=1))
show('unbound, no self', lambda: list.append())
show('unbound, wrong self', lambda: list.append('x'))
show('unbound, wrong self and an argument', lambda: list.append('x', 1))
show('unbound', lambda: list.append([3, 1, 2], 1))
