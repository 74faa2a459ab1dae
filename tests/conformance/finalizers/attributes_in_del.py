# attributes are still readable inside __del__
class Account:
    def __init__(self, owner, items):
        self.owner = owner
        self.items = items
    def __del__(self):
        print("closing", self.owner, len(self.items), sum(self.items))

acc = Account("ann", [1, 2, 3])
acc = None
print("after")
