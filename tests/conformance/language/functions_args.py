# defaults, *args, **kwargs, keyword-only and positional-only parameters
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
print(f(*[1, 2, 3], **{"c": 4, "d": 5}))

def pos_only(x, y, /, z):
    return x + y + z

print(pos_only(1, 2, z=3))
try:
    pos_only(x=1, y=2, z=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, c=1, a=2)
except TypeError as e:
    print("TypeError:", e)

def defaults_eval(x, acc=[]):
    acc.append(x)
    return acc

print(defaults_eval(1), defaults_eval(2), defaults_eval(3, []))
