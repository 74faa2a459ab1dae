import sys
def f():
    x = object()
    try:
        raise ValueError
    except ValueError:
        print(sys.getrefcount(x))
        tb = sys.exc_info()[2]
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        del tb
    print(sys.getrefcount(x))
    try:
        raise ValueError
    except ValueError as e:
        err = e
    print(sys.getrefcount(x))
    return err
e = f()
print(sys.getrefcount(e), type(e.__traceback__).__name__)
fr = e.__traceback__.tb_frame
print(sorted(fr.f_locals))
del e
print(sorted(fr.f_locals))
