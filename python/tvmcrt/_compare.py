# SPDX-License-Identifier: Apache-2.0
"""tvmcrt.compare(): how close an output is to its reference, with tvmcrt-host --expect's figures
(host/lib compare.cpp: the same numbers as the command line)."""
from dataclasses import dataclass
from typing import Optional

import numpy as np

from . import _tvmcrt


@dataclass(frozen=True)
class Comparison:
    """max_abs: max |actual - expected| (at max_abs_index); rmse; cosine similarity (1 when both are
    all zeros); argmax of each and whether they agree (top1); violations: elements outside
    numpy.allclose's rule |actual - expected| <= atol + rtol * |expected| (NaN never close), the
    first at first_violation; passed: no violation."""

    elements: int
    max_abs: float
    max_abs_index: int
    rmse: float
    cosine: float
    argmax: int
    argmax_expected: int
    top1: bool
    violations: int
    first_violation: Optional[int]
    passed: bool
    atol: float
    rtol: float

    def __str__(self) -> str:
        s = "max-abs %g, RMSE %g, cosine %.6g, top-1 %d %s %d: %s" % (
            self.max_abs, self.rmse, self.cosine, self.argmax, "=" if self.top1 else "!=", self.argmax_expected,
            "PASS" if self.passed else "FAIL")
        if not self.passed:
            s += " (%d of %d elements outside atol %g + rtol %g * |expected|, first at index %d)" % (
                self.violations, self.elements, self.atol, self.rtol, self.first_violation)
        return s


def compare(actual: np.ndarray, expected: np.ndarray, atol: float = 1e-8, rtol: float = 1e-5) -> Comparison:
    """Compares two arrays of the same element count (dtypes may differ: compared as numbers).
    The defaults are numpy.allclose's (exact for integers). UsageError when the counts differ."""
    return Comparison(**_tvmcrt.compare(actual, expected, float(atol), float(rtol)), atol=float(atol), rtol=float(rtol))
