# explicit cause is printed first with the linking sentence
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("config is broken") from e

def load():
    return parse("12x")

load()
