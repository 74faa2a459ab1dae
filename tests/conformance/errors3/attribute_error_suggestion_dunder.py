class Shape:
    def area(self):
        return 1
    def __len__(self):
        return 1
Shape().__len()
