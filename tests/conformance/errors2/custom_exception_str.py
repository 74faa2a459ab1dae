# custom exception with __str__, uncaught
class ValidationError(Exception):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"
try:
    raise ValidationError("age", "negative")
except ValidationError as e:
    print("caught", e, e.args)
raise ValidationError("name", "empty")
