try:
    raise KeyError("k")
except KeyError as err:
    print("in handler", repr(err))
try:
    print(err)
except NameError as e:
    print("NameError:", e)
