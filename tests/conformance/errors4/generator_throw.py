# generator.throw: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: (x for x in [1, 2, 3]).throw(*args))
show('keyword', lambda: (x for x in [1, 2, 3]).throw(bogus=1))
