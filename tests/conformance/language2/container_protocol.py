# __len__, __getitem__, __contains__, __iter__ and __bool__
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]

d = Deck("AKQJ")
print(len(d), d[0], d[-1], d[1:3])
print(list(d), "Q" in d, "X" in d)
print(list(reversed(d)))
for i, c in enumerate(d):
    print(i, c, end="; ")
print()
print(bool(Deck([])), bool(d))
class Flag:
    def __bool__(self):
        print("__bool__ called")
        return False
print("yes" if Flag() else "no")
print(not Flag())
