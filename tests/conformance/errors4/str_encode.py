# str.encode: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 'a b'.encode(*args))
show('keyword', lambda: 'a b'.encode(bogus=1))
show('unbound, no self', lambda: str.encode())
show('unbound, wrong self', lambda: str.encode(1))
show('unbound, wrong self and an argument', lambda: str.encode(1, 1))
show('unbound', lambda: str.encode('a b', 1))
