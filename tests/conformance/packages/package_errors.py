def attempt(label, f):
    try:
        f()
    except ImportError as e:
        # The message and path end in the package's absolute file name.
        print(label, type(e).__name__, str(e).split(" (")[0], e.name, (getattr(e, "path", None) or "").rsplit("/", 2)[-2:])
def imp_missing_sub():
    import shapes.nothere
def imp_not_package():
    import shapes.registry.deeper
def imp_from_missing():
    from shapes import nothere
def imp_broken():
    import shapes.broken
def imp_toodeep():
    import shapes.toodeep
def imp_relative_main():
    from . import shapes
def imp_faulty():
    import shapes.faulty
attempt("missing submodule", imp_missing_sub)
attempt("not a package", imp_not_package)
attempt("from missing", imp_from_missing)
attempt("relative in package", imp_broken)
attempt("beyond top level", imp_toodeep)
attempt("relative in script", imp_relative_main)
try:
    imp_faulty()
except ValueError as e:
    print("faulty", e)
import shapes
print("faulty not bound", hasattr(shapes, "faulty"))
import shapes.nothere.either
