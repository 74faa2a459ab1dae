# error raised three methods deep inside a class hierarchy
class Base:
    def run(self):
        return self.step()
    def step(self):
        return self.finish()
class Child(Base):
    def finish(self):
        return {"a": 1}["b"]
Child().run()
