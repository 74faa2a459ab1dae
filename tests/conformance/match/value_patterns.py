# Value patterns: dotted names are looked up and compared with ==, never bound.
class Color:
    RED = 1
    GREEN = 2
    BLUE = 3

class Names:
    class Inner:
        DEEP = "deep"

def color_name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE:
            return "green or blue"
        case Names.Inner.DEEP:
            return "deep"
        case _:
            return "unknown"

for c in [1, 2, 3, "deep", 4]:
    print(c, color_name(c))

Color.RED = 10
print("after rebinding:", color_name(10), color_name(1))
