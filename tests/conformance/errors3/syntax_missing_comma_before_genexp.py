print(any(r isholder for r in [1]))
