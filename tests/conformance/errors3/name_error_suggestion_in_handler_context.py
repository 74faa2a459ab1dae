results = []
try:
    {}['k']
except KeyError:
    reslts.append(1)
