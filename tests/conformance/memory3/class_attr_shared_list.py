import sys
class C:
    items = []
    def add(self, x):
        self.items.append(x)
a = C(); b = C()
a.add(1); b.add(2)
print(C.items, a.items is b.items)
lst = C.items
print("refs", sys.getrefcount(lst))
a.items = [9]
print(a.items, b.items, C.items)
print("refs", sys.getrefcount(lst))
