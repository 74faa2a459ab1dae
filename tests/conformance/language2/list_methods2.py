# list methods
L = [5, 3, 8, 1]
L.append(9); L.insert(0, 7); L.insert(100, 0); L.insert(-1, 4)
print(L)
print(L.pop(), L.pop(0), L.pop(-2), L)
L.remove(8)
print(L, L.index(1), L.count(3))
L.extend(range(3))
print(L)
L.reverse()
print(L)
L.sort()
print(L)
L.sort(reverse=True)
print(L)
c = L.copy(); c.clear()
print(c, len(L))
try:
    L.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    L.index(42)
except ValueError as e:
    print("ValueError:", e)
