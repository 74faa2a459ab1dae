# str.isspace: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.isspace(*args))
show('keyword', lambda: 'a b'.isspace(bogus=1))
show('unbound, no self', lambda: str.isspace())
show('unbound, wrong self', lambda: str.isspace(1))
show('unbound, wrong self and an argument', lambda: str.isspace(1, 1))
show('unbound', lambda: str.isspace('a b', 1))
