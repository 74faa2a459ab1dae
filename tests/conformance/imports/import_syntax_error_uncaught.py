# An uncaught SyntaxError from an imported module: the traceback, then the module's line and carets.
print("before")
import mod_broken
