# seed 002: two names share one list; rebinding one leaves the other
import sys

myListOne = [1, 2, 3]
myListTwo = myListOne
print(sys.getrefcount(myListTwo))
print(myListOne is myListTwo)
myListOne = 'hello'
print(sys.getrefcount(myListTwo))
print(myListOne, myListTwo)
