def f():
    try:
        raise ValueError
    except ValueError as e:
        raise KeyError
try:
    f()
except KeyError as k:
    print(sorted(k.__traceback__.tb_next.tb_frame.f_locals))
