# local, enclosing, global and builtin scopes
x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()

def shadow():
    len = lambda s: -1
    return len("abc")

def read_global():
    return x

def unbound():
    try:
        print(y)
        y = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

print(outer(), shadow(), len("abc"), read_global())
unbound()

def set_global():
    global x
    x = "changed"

set_global()
print(x)
