# range.index: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: range(5).index(*args))
show('keyword', lambda: range(5).index(bogus=1))
show('unbound, no self', lambda: range.index())
show('unbound, wrong self', lambda: range.index('x'))
show('unbound, wrong self and an argument', lambda: range.index('x', 1))
show('unbound', lambda: range.index(range(5), 1))
