print(dir([]))
class A:
    def __init__(self): self.value = 1
print(dir(A()))
print(dir(1)[:5], len(dir(1)))
print(dir("")[-5:], len(dir("")))
print(len(dir({})), len(dir(A)), len(dir(None)))
