opts = {}
print(**opts, 'x')
