# LEGB: local, enclosing, global, builtin
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def shadow():
        x = "local"
        return x
    return inner(), shadow()
print(outer())
def use_global():
    global x
    x = "changed"
use_global()
print(x)
len = lambda s: 42
print(len("abc"))
del len
print(len("abc"))
