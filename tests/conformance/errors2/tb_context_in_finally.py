# an exception raised in finally gets the original as context
def f():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
f()
