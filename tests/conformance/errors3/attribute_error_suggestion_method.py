lst = [3, 1]
lst.apend(2)
