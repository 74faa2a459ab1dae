x = 1else5
