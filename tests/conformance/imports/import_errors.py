# What an import raises: the module's own error (and it is not cached), a SyntaxError with its location,
# ModuleNotFoundError with the name.
try:
    import mod_fails
except NameError as e:
    print("NameError:", e)
try:
    import mod_fails
except NameError as e:
    print("again NameError:", e)
try:
    import mod_broken
except SyntaxError as e:
    print(type(e).__name__, "|", e, "|", e.msg, e.lineno, e.offset, e.end_offset, repr(e.text))
    print(e.filename.endswith("mod_broken.py"), e.args[0])
try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_shapes import Circle
except ImportError as e:
    message = str(e)
    # The message ends with the module's absolute path: show the part that does not depend on the checkout.
    print(type(e).__name__, message[: message.index(" (")], message.endswith("mod_shapes.py)"))
