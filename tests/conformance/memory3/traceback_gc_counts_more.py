import gc, sys
gc.disable()
class Holder:
    def run(self):
        try:
            self.fail()
        except ValueError as e:
            self.err = e
    def fail(self):
        tmp = [1, 2, 3]
        raise ValueError("boom")
h = Holder()
h.run()
print(sys.getrefcount(h), sys.getrefcount(h.err))
del h
print("collected", gc.collect())
saved = []
def deep(n):
    if n == 0:
        1 / 0
    deep(n - 1)
def catcher():
    try:
        deep(20)
    except ZeroDivisionError as e:
        saved.append(e)
catcher()
tb = saved[0].__traceback__
n = 0
while tb:
    n += 1
    tb = tb.tb_next
print(n)
saved.clear()
print("collected", gc.collect())
def chain():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
    except ValueError as e:
        return e
e = chain()
print(type(e.__context__).__name__, e.__context__.__traceback__.tb_frame is e.__traceback__.tb_frame)
loop = e
e.__context__.cycle = e
del e, loop
print("collected", gc.collect())
def rec():
    rec()
try:
    rec()
except RecursionError as e:
    keep = e
k = 0
t = keep.__traceback__
while t:
    k += 1
    t = t.tb_next
print(k > 900)
del keep, t
print("collected", gc.collect())
def inner_cycle():
    try:
        raise TypeError
    except TypeError as e:
        f = e.__traceback__.tb_frame
        return f
fr = inner_cycle()
print(sorted(fr.f_locals), fr.f_back.f_code.co_name)
del fr
print("collected", gc.collect())
