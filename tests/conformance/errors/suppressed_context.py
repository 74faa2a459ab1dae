# raise ... from None hides the context
def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("expected a number") from None

convert("abc")
