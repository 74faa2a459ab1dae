try:
    x = 1
excet Exception:
    pass
