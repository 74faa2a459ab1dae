# vars() with no argument is locals(): a function's own variables, a class body's namespace.
def f(a, b=2):
    c = a + b
    print(sorted(vars()), vars() == locals())


f(1)


class K:
    y = 2
    print(sorted(vars()))

print(vars(K)["y"], sorted(k for k in vars() if not k.startswith("__")))
