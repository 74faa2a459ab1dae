from ..flat.square import area
from .. import registry
def volume(side):
    return area(side) * side
registry.register("cube", volume)
