key = 'k'
d = {key}
d = {'a': 1, key, 'b': 2}
