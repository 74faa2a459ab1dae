pair = (left right)
