class A:
    colour = 1
try:
    A().color
except AttributeError:
    A().colr
