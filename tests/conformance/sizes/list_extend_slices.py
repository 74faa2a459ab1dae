# list.extend, +=, *= and slice assignment / deletion resize a list the way CPython's list_extend,
# list_inplace_repeat and list_ass_slice do, including the shrink when a list falls below half its capacity.
import sys


def gen(n):
    for i in range(n):
        yield i


def show(label, l):
    print(label, len(l), sys.getsizeof(l))


l = []
for k in range(12):
    l.extend(range(k))
    show("extend range", l)
l = []
for k in range(12):
    l.extend(gen(k))
    show("extend gen", l)
l = []
for k in range(12):
    l += [0] * k
    show("+= list", l)
l = []
for k in range(6):
    l += (1, 2, 3)
    show("+= tuple", l)
l = [1, 2, 3]
l.extend(l)
show("extend self", l)
l.extend(iter([]))
show("extend empty iterator", l)
l = list(range(40))
l.extend(iter([]))
show("extend empty iterator on full", l)

l = [1, 2, 3]
l *= 1
show("*= 1", l)
l *= 4
show("*= 4", l)
l *= 0
show("*= 0", l)
l = []
l *= 5
show("empty *= 5", l)

l = list(range(100))
del l[10:]
show("del l[10:]", l)
del l[:]
show("del l[:]", l)
l = list(range(100))
del l[::2]
show("del l[::2]", l)
del l[::-1]
show("del l[::-1]", l)
l = list(range(100))
for k in range(10):
    del l[-9:]
    show("del tail", l)
l = list(range(10))
l[2:5] = range(20)
show("slice grow", l)
l[:] = [1]
show("slice to one", l)
l[1:1] = [2, 3]
show("slice insert", l)
l[:] = []
show("slice to empty", l)
l = list(range(20))
l[::2] = range(10)
show("extended slice assignment", l)
del l[5]
show("del item", l)
l.clear()
show("clear", l)
l.append(1)
show("append after clear", l)
l = list(range(30))
l.sort(reverse=True)
show("sort", l)
l.reverse()
show("reverse", l)
