# str.__contains__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
from mod_show import show

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.__contains__(*args))
show('keyword', lambda: 'a b'.__contains__(bogus=1))
show('unbound, no self', lambda: str.__contains__())
show('unbound, wrong self', lambda: str.__contains__(1))
show('unbound, wrong self and an argument', lambda: str.__contains__(1, 1))
show('unbound', lambda: str.__contains__('a b', 1))
