# AS patterns bind the subject of a sub-pattern once that sub-pattern matched.
match [1, (2, 3)]:
    case [int() as first, (a, b) as pair]:
        print(first, pair, a, b)

match {"point": [1, 2]}:
    case {"point": [x, y] as coords} as whole:
        print(coords, x, y, whole)

match 5:
    case (1 | 5) as which:
        print("which:", which)

match "text":
    case str() as s if len(s) > 2:
        print("long string", s)

def fails(v):
    match v:
        case [1, 2] as pair:
            return pair
        case _:
            pass
    try:
        return pair
    except UnboundLocalError:
        return "pair never bound"

print(fails([1, 2]), fails([1, 3]))
