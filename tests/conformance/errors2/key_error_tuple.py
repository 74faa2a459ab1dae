# KeyError with tuple keys shows the tuple
grid = {(0, 0): "origin"}
print(grid[0, 0])
try:
    grid[1, 2]
except KeyError as e:
    print("args:", e.args, "str:", str(e))
grid[(3, 4)]
