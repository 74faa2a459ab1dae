[first, *middle, *rest] = range(5)
