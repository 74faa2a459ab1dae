# the except variable is deleted at the end of the handler
try:
    1 / 0
except ZeroDivisionError as err:
    print("inside:", err)
try:
    print(err)
except NameError as e:
    print("NameError:", e)
e = "before"
try:
    raise ValueError
except ValueError as e:
    pass
print("e" in dir())
