print("init registry", __name__, __package__)
KNOWN = {}
def register(name, value):
    KNOWN[name] = value
    return value
