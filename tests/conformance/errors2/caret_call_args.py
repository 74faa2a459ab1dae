# carets under a call whose argument raises
def parse(s):
    return int(s)
values = ["1", "2", "three"]
numbers = [parse(v) for v in values]
