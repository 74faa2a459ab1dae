# multiple except clauses, tuples of types, bare raise, BaseException
def classify(v):
    try:
        if v == 0:
            raise KeyError("k")
        if v == 1:
            raise IndexError("i")
        if v == 2:
            raise TypeError("t")
        return "ok"
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__

print([classify(v) for v in range(4)])

def reraiser():
    try:
        raise RuntimeError("original")
    except RuntimeError:
        print("handling, then re-raise")
        raise

try:
    reraiser()
except RuntimeError as e:
    print("caught again:", e)
print(issubclass(KeyError, LookupError), issubclass(KeyboardInterrupt, Exception))
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit code", e.code)
