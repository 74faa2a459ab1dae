# __iadd__ mutating in place keeps identity
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
    def __repr__(self):
        return "Bag(%r)" % (self.items,)

b = Bag()
alias = b
b += 1
b += "two"
print(b, alias is b)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
