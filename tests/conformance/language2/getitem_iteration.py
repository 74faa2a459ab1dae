# old-style iteration through __getitem__ stops at IndexError
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()))
print(9 in Squares(), 10 in Squares())
a, b, *rest = Squares()
print(a, b, rest)
for x in Squares():
    if x > 3:
        print("first > 3:", x)
        break
