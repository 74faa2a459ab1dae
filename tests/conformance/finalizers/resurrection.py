# __del__ stores self in a global: the object survives, and __del__ is not run again
saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)

p = Phoenix("bird")
del p
print("resurrected:", len(saved), saved[0].name)
q = saved.pop()
print("popped")
del q
print("gone for good")
