if x = 1:
    pass
y = a – b
