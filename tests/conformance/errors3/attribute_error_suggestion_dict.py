d = {}
d.iterms()
