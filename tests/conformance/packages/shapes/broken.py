from . import nothere
