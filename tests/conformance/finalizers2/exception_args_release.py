# an object passed in exception args dies with the exception
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def fail():
    raise RuntimeError(T("payload"))
try:
    fail()
except RuntimeError as e:
    print("caught with", e.args[0].name)
print("after handler")
try:
    fail()
except RuntimeError as e:
    kept = e
print("kept, payload alive")
kept = None
print("end")
