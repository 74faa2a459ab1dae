class C:
    count = 0
    def __init__(self):
        C.count += 1
        self.count_seen = C.count
a = C(); b = C()
print(C.count, a.count, b.count_seen)
a.count = 100
print(C.count, a.count, b.count)
del a.count
print(a.count)
print(sorted(k for k in vars(C) if not k.startswith("__")))
