# Star patterns collect the middle of a sequence into a new list, whatever the subject's type.
def split(x):
    match x:
        case [first, *middle, last]:
            return first, middle, last
        case [only]:
            return ("only", only)
        case []:
            return "empty"

print(split([1, 2, 3, 4]))
print(split((1, 2)))
print(split(range(5)))
print(split("x" * 0 or [9]))
print(split(()))

match (1, 2, 3):
    case [*rest]:
        print("rest of a tuple is a", type(rest).__name__, rest)

match [1, 2, 3]:
    case [*head, 3]:
        print("head", head)

match [1, 2, 3]:
    case (1, *_, 2):
        print("no")
    case (1, *_, 3):
        print("star wildcard with last item")

match [[1, 2], [3, [4, 5]]]:
    case [[a, b], [c, [d, *e]]]:
        print("nested", a, b, c, d, e)
