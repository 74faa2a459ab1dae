class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        for x in self.items:
            yield x * 10
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __len__(self):
        return len(self.items)
b = Bag(1, 2, 3)
print(list(b), 2 in b, 20 in b, len(b), sum(b), sorted(b, reverse=True))
class OnlyIter:
    def __iter__(self):
        return iter([1, 2])
print(2 in OnlyIter(), 5 in OnlyIter())
