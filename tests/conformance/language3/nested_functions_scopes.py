x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def shadow():
        x = "local"
        return x
    return inner(), shadow()
print(outer(), x)
def uses_global():
    global x
    x = "changed"
uses_global()
print(x)
