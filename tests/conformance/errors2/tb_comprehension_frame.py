# an error inside a comprehension shows the comprehension frame
def scale(rows, factor):
    return [[x / factor for x in row] for row in rows]
print(scale([[1, 2]], 2))
print(scale([[1, 2]], 0))
