# yielding again after GeneratorExit is a RuntimeError
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring exit")
            yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
