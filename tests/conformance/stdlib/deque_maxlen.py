from collections import deque
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print("append", d, d.maxlen)
d.appendleft(-1)
print("appendleft", d)
d.extend(range(10, 15))
print("extend", d)
d.extendleft("ab")
print("extendleft", d)
print("zero", deque(range(5), maxlen=0), deque("abc").maxlen)
print("copy", d.copy(), d.copy().maxlen)
try:
    d.insert(0, "x")
except IndexError as e:
    print("insert", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("negative", e)
try:
    d.maxlen = 5
except AttributeError as e:
    print("readonly", type(e).__name__)
