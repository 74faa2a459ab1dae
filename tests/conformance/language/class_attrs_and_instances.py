# class vs instance attributes, shadowing, class-level counters
class Counter:
    created = 0
    tags = []
    def __init__(self, name):
        Counter.created += 1
        self.name = name
        self.tags.append(name)

a = Counter("a")
b = Counter("b")
print(Counter.created, a.created, b.tags, a.tags is Counter.tags)
a.created = 100
print(a.created, b.created, Counter.created)
del a.created
print(a.created)
print(sorted(k for k in vars(a)), "created" in vars(Counter))
