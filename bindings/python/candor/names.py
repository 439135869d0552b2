"""The names of the values of candor.h's enums: the library's one table
(include/candor/enum_names.hpp), which every option of this package that
takes a name (metric, interval, p_adjust, every, split, ...) reads."""

from candor import _capi
from candor import _lib
from candor._lib import Error

# "interval" -> _capi.ENUM_INTERVAL, ...: the enum's C name without "candor_".
_KINDS = {name[len("ENUM_"):].lower(): value
          for name, value in vars(_capi).items() if name.startswith("ENUM_")}


def enum_names(kind):
    """The names of the values of the enum candor_<kind>, in declaration
    order: enum_names("interval") is ("wald", "adjusted_wald", "bayes",
    "bootstrap", "jeffreys"). kind: one of ENUM_KINDS."""
    if kind not in _KINDS:
        raise Error("CANDOR_INVALID_ARGUMENT", "unknown enum %r; expected one of %s"
                    % (kind, ", ".join(_KINDS)))
    return tuple(_lib.enum_values(_KINDS[kind]))


ENUM_KINDS = tuple(_KINDS)
