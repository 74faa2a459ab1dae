import shapes
print("top", shapes.__name__, shapes.__package__, shapes.__file__.rsplit("/", 2)[-2:])
print("submodule bound", shapes.flat.square.area(3), shapes.registry.KNOWN["square"] is shapes.flat.square.area)
import shapes.solid.cube
print("dotted import binds top", shapes.solid.cube.volume(2), sorted(shapes.registry.KNOWN))
import shapes.flat.square as sq
print("as", sq.__name__, sq is shapes.flat.square, sq.__package__)
from shapes.solid import cube
print("from package import module", cube.__name__, cube.volume(3))
from shapes import ALL, flat
print("from package import names", ALL, flat.__name__, hasattr(flat, "__path__"))
import shapes.flat
print("cached", shapes.flat is flat)
