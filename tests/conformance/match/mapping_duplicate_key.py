# Duplicate keys found at run time (value patterns) raise ValueError; equal literals are a SyntaxError.
class K:
    one = 1
    also_one = 1.0

try:
    match {1: "a", 2: "b"}:
        case {K.one: x, K.also_one: y}:
            print("no")
except ValueError as e:
    print("ValueError:", e)

match {1: "a"}:
    case {K.one: x, K.also_one: y}:
        print("no")
    case _:
        print("too short: the keys are never checked")

match {1: "a", 2: "b"}:
    case {K.one: x, 2: y}:
        print("distinct keys:", x, y)
