totals = 1
def f(totalz):
    return totl
f(1)
