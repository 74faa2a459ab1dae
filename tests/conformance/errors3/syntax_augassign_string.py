'abc' += 'd'
