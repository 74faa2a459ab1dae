s = 'abc'
s.uper()
