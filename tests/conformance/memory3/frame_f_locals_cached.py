import sys
def f():
    a = 1
    try:
        raise ValueError
    except ValueError as e:
        fr = e.__traceback__.tb_frame
    return fr
fr = f()
d1 = fr.f_locals
print(sorted(d1), d1 is fr.f_locals, sys.getrefcount(d1))
try:
    raise KeyError
except KeyError as e:
    m = e.__traceback__.tb_frame
    print(m.f_locals is globals(), m.f_code.co_name)
    del m
class C:
    try:
        raise KeyError
    except KeyError as e:
        x = sorted(e.__traceback__.tb_frame.f_locals)
print(C.x)
