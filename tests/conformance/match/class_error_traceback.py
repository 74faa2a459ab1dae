# An uncaught error from a class pattern points at the pattern.
class Point:
    __match_args__ = ("x",)
    x = 0

def locate(p):
    match p:
        case Point(0):
            return "zero"
        case Point(1, 2):
            return "never"

print(locate(Point()))
Point.x = 5
print(locate(Point()))
