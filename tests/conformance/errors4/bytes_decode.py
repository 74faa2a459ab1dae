# bytes.decode: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: b'a b'.decode(*args))
show('keyword', lambda: b'a b'.decode(bogus=1))
show('unbound, no self', lambda: bytes.decode())
show('unbound, wrong self', lambda: bytes.decode('x'))
show('unbound, wrong self and an argument', lambda: bytes.decode('x', 1))
show('unbound', lambda: bytes.decode(b'a b', 1))
