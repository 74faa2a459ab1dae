counter = 1
try:
    countr
except NameError as e:
    print(str(e), e.name, e.args)
