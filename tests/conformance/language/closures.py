# closures, nonlocal, global
counter_total = 0

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        global counter_total
        count += step
        counter_total += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
print(counter_total)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

def late_binding():
    return [lambda x: x + i for i in range(3)]

print([f(10) for f in make_adders()], [f(10) for f in late_binding()])
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)
