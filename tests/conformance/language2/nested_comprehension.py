# nested list comprehensions
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([(i, j) for i in range(3) for j in range(i)])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
bad = [[0] * 3] * 2
bad[0][0] = 1
print(bad)
print([y for x in [[1, 2], [3]] for y in x])
x = "outer"
print([x for x in range(2)], x)
