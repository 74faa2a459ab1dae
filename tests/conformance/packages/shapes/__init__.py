print("init shapes", __name__, __package__, [p.rsplit("/", 1)[-1] for p in __path__])
from .flat import square
from . import registry
ALL = ["square"]
