# range.index: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: range(5).index(*args))
show('keyword', lambda: range(5).index(bogus=1))
show('unbound, no self', lambda: range.index())
show('unbound, wrong self', lambda: range.index('x'))
show('unbound, wrong self and an argument', lambda: range.index('x', 1))
show('unbound', lambda: range.index(range(5), 1))
