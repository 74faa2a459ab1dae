# close() raises GeneratorExit inside the generator; finally runs
def worker():
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup in finally")

w = worker()
print(next(w), next(w))
w.close()
print("closed")
print(list(w))
w.close()
print("closed again is fine")
