# `match` and `case` are soft keywords: ordinary names everywhere else.
match = [1, 2]
case = {"k": "v"}
print("names:", match, case)

def match(x):
    return f"called match({x})"

print(match(3))
match = {"case": 5}
match match:
    case {"case": case}:
        print("case bound to", case)

class Box:
    match = "attribute"
    case = "another"

print(Box.match, Box.case)
_ = "underscore"
match 0:
    case _:
        print("wildcard leaves _ as", _)
