class Point:
    def __init__(self):
        self.x_coord = 1
    def norm(self):
        return 0
p = Point()
print(p.x_cord)
