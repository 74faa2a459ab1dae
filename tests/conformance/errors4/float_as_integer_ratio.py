# float.as_integer_ratio: wrong argument counts and types, an unknown keyword, a wrong self: never a crash.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

for args in [(), (1,), ('a',), (None,), ([1],), (1, 2), ('a', 'b'), ('a', 1), (1, 2, 3), ('a', 'b', 'c')]:
    show(args, lambda: 2.5.as_integer_ratio(*args))
show('keyword', lambda: 2.5.as_integer_ratio(bogus=1))
show('unbound, no self', lambda: float.as_integer_ratio())
show('unbound, wrong self', lambda: float.as_integer_ratio('x'))
show('unbound, wrong self and an argument', lambda: float.as_integer_ratio('x', 1))
show('unbound', lambda: float.as_integer_ratio(2.5, 1))
