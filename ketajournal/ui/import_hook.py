"""PySide6's import hook, made to read a module's file once instead of through ``inspect``.

PySide6 (6.4 and later) watches every import after its own and asks, once per module,
whether the module uses PySide (``shibokensupport.feature._mod_uses_pyside``): it calls
``inspect.getsource(module)`` and looks for the text ``PySide6``. ``inspect`` goes through
``linecache`` and ``tokenize`` (encoding detection, the file split into lines, the
module's whole source checked for a matching block), which is most of the cost: on a
start from a pip installation, about 145 modules are imported between the window's first
paint and Today's, and the hook took ~30 ms of CPU of that stretch (docs/performance.md).
The answer only chooses which ``__feature__`` switches (``snake_case``,
``true_property``) apply to the module; ketajournal uses none.

:func:`speed_up` replaces that one function with one that gives the same answer for a
module loaded from a ``.py`` file — whether its bytes contain ``PySide6``; ``PySide6``
is ASCII, so it is the same in every encoding Python source may use — by reading the
file once, and asks the original function for every other module (no file, a ``.pyc``
only, a zip or a frozen app). When PySide6's internals are not as expected (another
version), it changes nothing and says so by returning False.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

#: Where PySide6 keeps the function, and the function's name.
FEATURE_MODULE = "shibokensupport.feature"
FUNCTION = "_mod_uses_pyside"


def uses_pyside_by_file(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``original``'s question answered from the module's ``.py`` file where it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return original(module)
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as inspect.getsource's OSError: no source, so no PySide

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside


def speed_up() -> bool:
    """Put :func:`uses_pyside_by_file` in PySide6's hook; True when it is in place.

    Call it once PySide6 is imported. Does nothing (False) when PySide6 is not imported
    or its hook is not the function this module knows.
    """
    feature: Any = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, FUNCTION, None)
    if original is None or not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # done already
    code = getattr(original, "__code__", None)
    if code is None or code.co_argcount != 1 or "getsource" not in code.co_names:
        return False  # not the function described above: leave PySide as it is
    setattr(feature, FUNCTION, uses_pyside_by_file(original))
    return True
