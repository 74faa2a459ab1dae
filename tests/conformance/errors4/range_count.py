# range.count: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: range(5).count(*args))
show('keyword', lambda: range(5).count(bogus=1))
show('unbound, no self', lambda: range.count())
show('unbound, wrong self', lambda: range.count('x'))
show('unbound, wrong self and an argument', lambda: range.count('x', 1))
show('unbound', lambda: range.count(range(5), 1))
