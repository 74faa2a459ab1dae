# three-level implicit chaining
try:
    try:
        int("a")
    except ValueError:
        {}["b"]
except KeyError:
    [][0]
