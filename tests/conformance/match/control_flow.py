# match inside loops, functions, generators and class bodies; break/continue/return from case bodies.
import sys

def walk(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case int(n) if n < 0:
                return out + ["negative"]
            case _:
                out.append(item)
    return out

print(walk([1, "skip", 2, "stop", 3]))
print(walk([1, -1, 2]))

def flatten(x):
    match x:
        case [*items]:
            for i in items:
                yield from flatten(i)
        case _:
            yield x

print(list(flatten([1, [2, [3, (4, 5)]], "ab"])))

class Config:
    match sys.version_info[:2]:
        case (3, minor):
            major_ok = True
        case _:
            major_ok = False

print("class body:", Config.major_ok)

def closure(x):
    match x:
        case {"n": n}:
            return lambda: n * 2
    return None

print(closure({"n": 21})())

while True:
    match [1]:
        case [one]:
            print("while body", one)
            break
