# __cause__, __context__ and __suppress_context__
def f():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
def g():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("from none") from None
def h():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during")
for fn in (f, g, h):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
