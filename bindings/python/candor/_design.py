"""Survey designs for estimates: plain weights, a calibration (a Weights from
rake, poststratify or calibrate) and account clusters, as candor_design."""

from candor import _capi
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error
from candor.weights import Weights


class Plan:
    """What `weights=` and `accounts=` ask for.

    needs_design: a calibration or clusters, which only the design entry
    points (candor_score_design, candor_breakdown_design) account for.
    plain_weights: an array-like (or None) for the plain entry points.
    """

    def __init__(self, weights, accounts):
        self.calibration = weights if isinstance(weights, Weights) and weights.is_calibration \
            else None
        if isinstance(weights, Weights) and not weights.is_calibration:
            weights = weights.values
        self.plain_weights = None if self.calibration is not None else weights
        self.accounts = accounts
        self.needs_design = self.calibration is not None or accounts is not None

    def build(self, n):
        """(candor_design, objects to keep alive during the call) for n responses."""
        design = _lib.new_design()
        keep = []
        if self.calibration is not None:
            design.calibration = self.calibration._live()
            keep.append(self.calibration)
        elif self.plain_weights is not None:
            weights = _convert.as_float64(self.plain_weights, "weights")
            if len(weights) != n:
                raise Error("CANDOR_LENGTH_MISMATCH", "weights has %d entries but scores has %d"
                            % (len(weights), n))
            design.weights = _convert.double_pointer(weights)
            keep.append(weights)
        if self.accounts is not None:
            codes, _ = _labels.factorize_present(self.accounts, "accounts")
            if len(codes) != n:
                raise Error("CANDOR_LENGTH_MISMATCH", "accounts has %d labels but scores has %d"
                            % (len(codes), n))
            design.clusters = codes.ctypes.data_as(_capi.int32_p)
            keep.append(codes)
        return design, keep
