# aliasing through function arguments and +=
def add_item(lst):
    lst += [99]
def rebind(lst):
    lst = lst + [99]
    return lst
a = [1]
add_item(a)
print("after += in function:", a)
b = rebind(a)
print("after rebind:", a, b)
t = (1, 2)
u = t
t += (3,)
print("tuple +=:", t, u, t is u)
s = "ab"
s2 = s
s += "c"
print("str +=:", s, s2)
nested = [[0]] * 3
nested[0].append(1)
print("shared inner:", nested)
