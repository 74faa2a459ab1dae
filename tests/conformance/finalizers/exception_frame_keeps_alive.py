# a traceback keeps the failing frame's locals alive until the handler ends
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def fail():
    local = F("in-frame")
    raise ValueError("x")

try:
    fail()
except ValueError:
    print("in handler")
print("after handler")
