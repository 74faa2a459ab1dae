import sys
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
w = W()
old = sys.stdout
sys.stdout = w
print("a", 1)
sys.stdout = old
print(w.parts)
sys.stdout = None
print("hidden")
sys.stdout = old
print("visible", file=None)
class Bad:
    def write(self, s):
        raise OSError("full")
sys.stdout = Bad()
try:
    print("x")
except OSError as e:
    sys.stdout = old
    print("error", e)
print(sys.stdout is sys.__stdout__)
