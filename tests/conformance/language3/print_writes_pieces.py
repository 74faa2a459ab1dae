class Log:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
class Bad:
    def __str__(self):
        raise ValueError("no str")
class Named:
    def __str__(self):
        return "named"
log = Log()
print("a", 1, Named(), sep="--", end="!", file=log)
print(file=log, flush=True)
print(log.parts)
try:
    print("before", Bad(), "after", file=log)
except ValueError as e:
    print("error:", e)
print(log.parts[-2:])
try:
    print("x", sep=3)
except TypeError as e:
    print(e)
try:
    print("x", end=[])
except TypeError as e:
    print(e)
