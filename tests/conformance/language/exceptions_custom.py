# custom exception hierarchies, args, str, raise from
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key

try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))

try:
    try:
        {}["x"]
    except KeyError as inner:
        raise AppError("wrapped") from inner
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__cause__)

try:
    raise AppError("a", 2)
except Exception as e:
    print(e, repr(e), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
