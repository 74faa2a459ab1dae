# generator.send: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (x for x in [1, 2, 3]).send(*args))
show('keyword', lambda: (x for x in [1, 2, 3]).send(bogus=1))
