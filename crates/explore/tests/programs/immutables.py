# Seed 2: rebinding frees the old object at once; mutation keeps the count; a slice is a new list.
a = 3
a = 'hello'
a = 3.14
a = 5
myListOne = [1, 2, 3]
myListTwo = myListOne
myListOne = 'hello'
l1 = [1, 2, 3]
l2 = l1
l1[0] = 44
h1 = [1, 2, 3, 4, 5]
h2 = h1[0:3]


def foo(x):
    pass


foo([1, 2, 3])
