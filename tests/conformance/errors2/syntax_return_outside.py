# return outside function
x = 5
if x:
    return x
