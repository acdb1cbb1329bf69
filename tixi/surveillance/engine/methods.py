"""Every detection method by its CLI name: the `METHODS` tuples of the engine's modules, in one dict."""

from tixi.surveillance.engine import bayes, cdc, cidars, cusum, ears, farrington, glrnb
from tixi.surveillance.engine.spec import DetectionError, Method

MODULES = (farrington, ears, cdc, cusum, glrnb, bayes, cidars)


def _registry(modules) -> dict[str, Method]:
    methods: dict[str, Method] = {}
    for module in modules:
        for method in module.METHODS:
            if method.name in methods:
                raise ValueError(f"two detection methods are named {method.name}")
            methods[method.name] = method
    return methods


METHODS: dict[str, Method] = _registry(MODULES)


def method(name: str) -> Method:
    """The method called `name`; DetectionError naming the known ones otherwise."""
    try:
        return METHODS[name]
    except KeyError:
        raise DetectionError(
            "Unknown method %(name)s; the methods are: %(known)s.",
            name=name,
            known=", ".join(sorted(METHODS)),
        ) from None
