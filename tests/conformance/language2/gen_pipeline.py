# chained lazy generators only compute what is consumed
def numbers():
    for i in range(1, 100):
        print("produce", i)
        yield i

def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n

def squares(src):
    for n in src:
        yield n * n

p = squares(evens(numbers()))
print(next(p))
print(next(p))
