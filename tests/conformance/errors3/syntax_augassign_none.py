None -= 1
