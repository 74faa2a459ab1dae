# int.__add__: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (7).__add__(*args))
show('keyword', lambda: (7).__add__(bogus=1))
show('unbound, no self', lambda: int.__add__())
show('unbound, wrong self', lambda: int.__add__('x'))
show('unbound, wrong self and an argument', lambda: int.__add__('x', 1))
show('unbound', lambda: int.__add__((7), 1))
