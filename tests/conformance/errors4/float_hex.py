# float.hex: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 2.5.hex(*args))
show('keyword', lambda: 2.5.hex(bogus=1))
show('unbound, no self', lambda: float.hex())
show('unbound, wrong self', lambda: float.hex('x'))
show('unbound, wrong self and an argument', lambda: float.hex('x', 1))
show('unbound', lambda: float.hex(2.5, 1))
