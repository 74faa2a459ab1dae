# nested containers: inner objects die after the outer container
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
d = {"a": [T("a0"), T("a1")], "b": (T("b0"),)}
print("built")
d = None
print("cleared")
