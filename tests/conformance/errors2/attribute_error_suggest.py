# AttributeError messages on instances, modules-like objects and types
class Point:
    def __init__(self):
        self.x = 1
p = Point()
try:
    p.y
except AttributeError as e:
    print(e)
try:
    [].push(1)
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
Point.nothing
