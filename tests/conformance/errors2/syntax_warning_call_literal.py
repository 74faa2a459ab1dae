# calling a literal is flagged at compile time, then fails at run time
print("start")
try:
    5()
except TypeError as e:
    print("TypeError:", e)
items = [(1, 2) (3, 4)]
