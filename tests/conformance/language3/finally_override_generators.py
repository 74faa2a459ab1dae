# A generator whose finally body overrides a return with continue/break, and a yield inside it.
def gen_continue():
    for i in range(3):
        try:
            yield i
            return
        finally:
            print("finally", i)
            if i < 2:
                continue
    yield "after loop"


def gen_break():
    for i in range(3):
        try:
            yield "a", i
            return "early"
        finally:
            break
    yield "broke out"


def gen_yield_in_finally():
    for i in range(3):
        try:
            return i
        finally:
            yield ("cleanup", i)
            if i < 1:
                continue


def gen_while():
    n = 0
    while n < 3:
        n += 1
        try:
            yield n
            return n
        finally:
            if n < 3:
                continue


print(list(gen_continue()))
print(list(gen_break()))
print(list(gen_yield_in_finally()))
print(list(gen_while()))
g = gen_yield_in_finally()
print(next(g))
try:
    while True:
        print(next(g))
except StopIteration as e:
    print("stop", e.value)
