# SPDX-License-Identifier: Apache-2.0
"""tvmcrt.testing: assert that outputs match references, with the figures people quote.

    from tvmcrt.testing import assert_outputs
    r = dev.execute("digits", x)
    assert_outputs(r, {"output": ref})            # exact for integer outputs
    assert_outputs(r, ref, atol=1e-3, rtol=1e-3)  # one reference for a one-output model

A failure raises AssertionError naming each output that differs with its max-abs error, RMSE,
cosine similarity and top-1 agreement (the numbers tvmcrt-host --expect prints).
"""
from typing import Dict, Mapping, Union

import numpy as np

from ._compare import Comparison, compare
from ._device import Result
from ._errors import UsageError

Outputs = Union[Result, Mapping[str, np.ndarray], np.ndarray]


def _as_dict(value) -> Dict[str, np.ndarray]:
    if isinstance(value, Result):
        return dict(value.outputs)
    if isinstance(value, Mapping):
        return dict(value)
    return {None: value}


def assert_outputs(actual: Outputs, expected: Outputs, atol: float = 1e-8, rtol: float = 1e-5
                   ) -> Dict[str, Comparison]:
    """Compares every output named in ``expected`` with numpy.allclose's rule
    |actual - expected| <= atol + rtol * |expected| (NaN never close); the defaults are
    numpy.allclose's, exact for integers. actual: a Result, a dict name -> array or one array;
    expected: a dict name -> array, or one array when actual has one output. Returns the
    comparisons; raises AssertionError listing every output that differs, with its figures, and
    UsageError for a reference that names no output or whose element count differs."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    got, want = _as_dict(actual), _as_dict(expected)
    if None in want:
        if len(got) != 1:
            raise UsageError("one reference array for %d outputs (%s): pass a dict name -> reference"
                             % (len(got), ", ".join(str(k) for k in got)))
        want = {next(iter(got)): want[None]}
    results, failures = {}, []
    for name, ref in want.items():
        if name not in got:
            raise UsageError("no output %r to compare with its reference; the outputs are: %s"
                             % (name, ", ".join(str(k) for k in got) or "none"))
        c = compare(got[name], ref, atol, rtol)
        results[name] = c
        if not c.passed:
            label = "output" if name is None else "output '%s'" % name
            failures.append("%s: %s" % (label, c))
    if failures:
        raise AssertionError("outputs differ from the references:\n  " + "\n  ".join(failures))
    return results
