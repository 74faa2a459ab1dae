# str.partition: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.partition(*args))
show('keyword', lambda: 'a b'.partition(bogus=1))
show('unbound, no self', lambda: str.partition())
show('unbound, wrong self', lambda: str.partition(1))
show('unbound, wrong self and an argument', lambda: str.partition(1, 1))
show('unbound', lambda: str.partition('a b', 1))
