# The classic memory lesson: a shallow copy is a new outer object sharing the inner ones; a deep copy shares
# nothing mutable; identity is compared with `is`, never by printing ids.
import copy
import sys

grid = [[0] * 3 for _ in range(3)]
alias = grid
shallow = copy.copy(grid)
sliced = grid[:]
deep = copy.deepcopy(grid)
grid[0][0] = 1
print(alias[0][0], shallow[0][0], sliced[0][0], deep[0][0])
print(alias is grid, shallow is grid, shallow[0] is grid[0], deep[0] is grid[0])
print([sys.getrefcount(row) for row in grid])
del shallow, sliced
print([sys.getrefcount(row) for row in grid])
before = sys.getrefcount(grid[1])
deep2 = copy.deepcopy(grid)
print(sys.getrefcount(grid[1]) - before, deep2 == grid)
