# Capture patterns bind the subject; `_` binds nothing; a capture in a function is a local.
def first(x):
    match x:
        case 1:
            return "one"
        case other:
            return f"captured {other!r}"

print("first:", first(1), first("two"))

def wildcard_binds_nothing(x):
    match x:
        case _:
            pass
    return "_" in locals()

print("wildcard binds:", wildcard_binds_nothing(3))

match 42:
    case answer:
        print("module-level capture:", answer, "answer" in globals())

def unbound_on_failure():
    match 1:
        case 2:
            y = "never"
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(unbound_on_failure())
