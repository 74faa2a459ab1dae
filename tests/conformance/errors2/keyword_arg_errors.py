# calling with unexpected keyword and missing keyword-only argument
def f(a, *, b):
    return a + b
try:
    f(1, c=2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2)
except TypeError as e:
    print(e)
f(1, b=2, **{"b": 3})
