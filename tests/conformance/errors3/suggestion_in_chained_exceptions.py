values = 1
try:
    valuez
except NameError:
    [].apend(1)
