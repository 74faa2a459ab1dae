import gc, sys
gc.disable()
class Big:
    def __del__(self):
        print("Big freed")
def leaf():
    b = Big()
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return 1
def caller():
    x = [1, 2]
    leaf()
    return 2
caller()
print("collected", gc.collect())
def leaf2():
    try:
        raise ValueError("y")
    except ValueError as e:
        return e
def caller2():
    y = {"a": 1}
    return leaf2()
err = caller2()
print(sys.getrefcount(err.__traceback__), sys.getrefcount(err.__traceback__.tb_frame))
del err
print("collected", gc.collect())
def reraiser():
    try:
        leaf2_raise()
    except ValueError:
        raise
def leaf2_raise():
    raise ValueError("z")
try:
    reraiser()
except ValueError as e:
    n = 0
    tb = e.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("levels", n)
print("collected", gc.collect())
