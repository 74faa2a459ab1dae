for f in (lambda: "abc".__setitem__(0, "x"), lambda: (1,).__setitem__(0, 1)):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print(e)
try:
    {}[[1]] = 1
except TypeError as e:
    print(e)
