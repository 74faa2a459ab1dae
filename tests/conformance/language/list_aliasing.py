# [[0] * 3] * 3 shares the inner list; a comprehension does not
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2, grid2[0] is grid2[1])
a = [1, 2]
b = [a, a]
a.append(3)
print(b)
c = b[:]
c[0] = "new"
print(b, c)
