# try/except/else/finally order
def run(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "error"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")
print(run(2))
print(run(0))
try:
    try:
        raise KeyError("a")
    except (TypeError, KeyError) as e:
        print("caught", type(e).__name__)
        raise
except LookupError as e:
    print("outer", repr(e))
