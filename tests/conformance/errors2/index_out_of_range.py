# index errors on lists, tuples, strings and ranges
for seq in ([1, 2], (1,), "ab", range(3)):
    try:
        seq[10]
    except IndexError as e:
        print(type(seq).__name__, e)
lst = []
lst[0] = 1
