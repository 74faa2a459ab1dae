def make():
    x = []
    def add(v):
        x.append(v)
    def get():
        return x
    return add, get
add, get = make()
add(1); add(2)
print(get())
print(add.__closure__[0] is get.__closure__[0])
