# an exception raised while handling another: "During handling of the above exception..."
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError(f"bad key {k!r}")

print(lookup({"a": 1}, "a"))
lookup({}, "b")
