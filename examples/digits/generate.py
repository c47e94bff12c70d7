#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Trains, quantizes and "compiles" the digits example model into a TVM Model Library Format folder.

    /usr/bin/python3 examples/digits/generate.py [--out DIR]

Writes DIR/mlf/ (metadata.json, src/digits.relay, codegen/host/{include,src}) and DIR/data/*.npy;
DIR defaults to this script's folder, so a plain run regenerates the committed files byte for byte.
Needs Debian's python3-numpy and python3-sklearn; touches no network.

The model: sklearn's 8x8 digits, an MLP 64 -> 256 (ReLU) -> 10 trained in fixed-point integer
arithmetic, then quantized the way TVM's QNN lowering computes: int8 activations and per-channel
symmetric int8 weights, int32 bias and accumulation, requantization by a Q31 fixed-point
multiplier and a right shift with TVM's default "UPWARD" rounding (tir.q_multiply_shift), then a
clamp to int8. The C code in lib1.c and the numpy reference below do the same integer arithmetic,
so their outputs are bit-identical.

Why integer training: the committed bytes must not depend on the machine. Float training goes
through BLAS, and OpenBLAS and the reference BLAS (or one BLAS on two CPUs) round sums in a
different order; the Q31 multipliers carry 31 bits of each trained scale, so the last bits showed
up in lib1.c. Integer matrix products are exact in any order and numpy never hands them to BLAS;
the few float steps left (scales, multipliers) are single IEEE-754 operations, rounded the same
everywhere. tests/examples checks this with both BLAS libraries.
"""

import argparse
import math
import pathlib
import sys

import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree clean when tests run this
sys.path.insert(0, str(HERE))
import mlf_writer as mlf  # noqa: E402

NAME = "digits"
GENERATOR = "examples/digits/generate.py"
HIDDEN = 256      # T_matmul_NT of layer 1 is 1024 bytes: not below TVM's kMaxStackAlloca, so the
                  # operator takes it through TVMBackendAllocWorkspace as TVM would.
SEED = 0
TEST_FRACTION = 0.2

# Input quantization. The float model sees x = pixel / 16 in [0, 1]; the int8 input is
# q = round(x * 255) - 128, i.e. scale 1/255 (16/255 in pixel units), zero point -128.
IN_SCALE = 1.0 / 255.0
IN_ZP = -128
HIDDEN_ZP = -128  # ReLU output is >= 0: all 256 int8 codes cover [0, max]; the clamp at -128 is the ReLU
OUT_ZP = 0
ALIGN = 16        # every TVMBackendAllocWorkspace request is rounded up to this many bytes


# ------------------------------------------------------------------------------------------------
# Quantization arithmetic (TVM: src/relay/qnn/utils.cc GetFixedPointMultiplierShift,
# src/target/intrin_rule.cc QMultiplyShift)
# ------------------------------------------------------------------------------------------------

def fixed_point_multiplier(multiplier):
    """(Q31 significand, right shift) with multiplier = significand * 2**-(31 + right shift)."""
    significand, exponent = math.frexp(multiplier)
    q = math.floor(significand * (1 << 31) + 0.5)  # std::round of a positive value
    if q == 1 << 31:
        q //= 2
        exponent += 1
    if exponent > 0:
        raise ValueError(f"requantize multiplier {multiplier} >= 1 needs a left shift; "
                         "the generated C only right-shifts")
    return q, -exponent


def q_multiply_shift(acc, multiplier, right_shift):
    """int32 * Q31 in int64, add half an LSB (UPWARD rounding), arithmetic right shift."""
    total = right_shift.astype(np.int64) + 31
    x = acc.astype(np.int64) * multiplier.astype(np.int64)
    return ((x + (np.int64(1) << (total - 1))) >> total).astype(np.int64)


def quantize_weights(w):
    """Per-output-channel symmetric int8: scale = max|w| / 127."""
    scale = np.abs(w).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


class QuantizedLayer:
    """qnn.dense + bias_add + qnn.requantize(axis=1, rounding="UPWARD") + clip."""

    def __init__(self, w, b, in_scale, in_zp, out_scale, out_zp):
        self.weight, self.weight_scale = quantize_weights(w)
        self.bias = np.round(b / (in_scale * self.weight_scale)).astype(np.int32)
        pairs = [fixed_point_multiplier(in_scale * s / out_scale) for s in self.weight_scale]
        self.multiplier = np.array([p[0] for p in pairs], dtype=np.int32)
        self.right_shift = np.array([p[1] for p in pairs], dtype=np.int32)
        self.in_scale, self.in_zp, self.out_scale, self.out_zp = in_scale, in_zp, out_scale, out_zp

    def __call__(self, q):
        acc = (q.astype(np.int64) - self.in_zp) @ self.weight.astype(np.int64).T + self.bias
        assert np.abs(acc).max() < 2**31, "int32 accumulator overflow"
        y = q_multiply_shift(acc, self.multiplier, self.right_shift) + self.out_zp
        return np.clip(y, -128, 127).astype(np.int8)


def quantize_input(pixels):
    return (np.floor(pixels * (255.0 / 16.0) + 0.5) + IN_ZP).astype(np.int8)


# ------------------------------------------------------------------------------------------------
# Training
# ------------------------------------------------------------------------------------------------

FRAC_BITS = 16    # training weights, biases and activations are integers in units of 2**-16
EPOCHS = 40
BATCH = 32
LEARNING_SHIFT = 7  # SGD step = gradient summed over the batch / 2**7


def train():
    """Minibatch SGD on a squared error to one-hot targets, every value an int64 in units of
    2**-FRAC_BITS (pixels enter as pixel/16: 4 more fractional bits). Gradients are floored by
    arithmetic shifts. Returns float weights and biases ([out, in], [out]) and the held-out split."""
    x, y = load_digits(return_X_y=True)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=TEST_FRACTION, stratify=y,
                                              random_state=SEED)
    rng = np.random.default_rng(SEED)   # PCG64: integer arithmetic, the same stream everywhere
    one = 1 << FRAC_BITS

    def glorot(fan_out, fan_in):
        limit = int(math.sqrt(6.0 / (fan_in + fan_out)) * one)
        return rng.integers(-limit, limit + 1, size=(fan_out, fan_in), dtype=np.int64)

    w1, b1 = glorot(HIDDEN, 64), np.zeros(HIDDEN, np.int64)
    w2, b2 = glorot(10, HIDDEN), np.zeros(10, np.int64)
    pixels = x_tr.astype(np.int64)
    target = np.zeros((len(y_tr), 10), np.int64)
    target[np.arange(len(y_tr)), y_tr] = one

    def forward(p):
        pre = ((p @ w1.T) >> 4) + b1      # pixel/16 * w1: 4 + 16 fractional bits, back to 16
        hidden = np.maximum(pre, 0)
        return pre, hidden, ((hidden @ w2.T) >> FRAC_BITS) + b2

    for _ in range(EPOCHS):
        order = rng.permutation(len(pixels))
        for start in range(0, len(pixels), BATCH):
            batch = order[start:start + BATCH]
            p = pixels[batch]
            pre, hidden, logits = forward(p)
            d_logits = logits - target[batch]
            d_hidden = (d_logits @ w2) >> FRAC_BITS
            d_hidden[pre <= 0] = 0
            w2 -= ((d_logits.T @ hidden) >> FRAC_BITS) >> LEARNING_SHIFT
            b2 -= d_logits.sum(axis=0) >> LEARNING_SHIFT
            w1 -= ((d_hidden.T @ p) >> 4) >> LEARNING_SHIFT
            b1 -= d_hidden.sum(axis=0) >> LEARNING_SHIFT

    # The trained integer model's own calibration figures, on the training set (exact).
    _, hidden, logits = forward(pixels)
    _, _, test_logits = forward(x_te.astype(np.int64))
    fixed_acc = float(np.mean(np.argmax(test_logits, axis=1) == y_te))
    calib = (int(hidden.max()) / one, int(np.abs(logits).max()) / one)
    weights = [a.astype(np.float64) / one for a in (w1, b1, w2, b2)]  # exact: |a| < 2**53
    return weights, calib, fixed_acc, x_te, y_te


def build(weights, calib):
    w1, b1, w2, b2 = weights
    hidden_scale = calib[0] / 255.0
    out_scale = calib[1] / 127.0
    l1 = QuantizedLayer(w1, b1, IN_SCALE, IN_ZP, hidden_scale, HIDDEN_ZP)
    l2 = QuantizedLayer(w2, b2, hidden_scale, HIDDEN_ZP, out_scale, OUT_ZP)
    return l1, l2


# ------------------------------------------------------------------------------------------------
# MLF files
# ------------------------------------------------------------------------------------------------

OP1 = f"tvmgen_{NAME}_fused_nn_dense_add_fixed_point_multiply_per_axis_add_clip_cast"
OP2 = OP1 + "_1"


def relay_text(l1, l2):
    t = mlf.relay_tensor_type

    def layer(arg, layer, c0, units, in_dtype_shape):
        return (
            f"qnn.dense({arg}, meta[relay.Constant][{c0}] /* ty={t('int8', layer.weight.shape)} */, "
            f"{layer.in_zp} /* ty=int32 */, 0 /* ty=int32 */, {layer.in_scale:.6g}f /* ty=float32 */, "
            f"meta[relay.Constant][{c0 + 1}] /* ty={t('float32', (units,))} */, units={units}, "
            f"out_dtype=\"int32\") /* ty={t('int32', (1, units))} */"
        )

    def requantize(arg, layer, c0, units):
        return (
            f"qnn.requantize({arg}, meta[relay.Constant][{c0}] /* ty={t('float32', (units,))} */, "
            f"0 /* ty=int32 */, {layer.out_scale:.6g}f /* ty=float32 */, {layer.out_zp} /* ty=int32 */, "
            f"axis=1, rounding=\"UPWARD\", out_dtype=\"int8\") /* ty={t('int8', (1, units))} */"
        )

    bias = "nn.bias_add(%{}, meta[relay.Constant][{}] /* ty={} */) /* ty={} */"
    return (
        "#[version = \"0.0.5\"]\n"
        f"def @main(%input: {t('int8', (1, 64))}) -> {t('int8', (1, 10))} {{\n"
        f"  %0 = {layer('%input', l1, 0, HIDDEN, None)};\n"
        f"  %1 = {bias.format(0, 2, t('int32', (HIDDEN,)), t('int32', (1, HIDDEN)))};\n"
        f"  %2 = {requantize('%1', l1, 3, HIDDEN)};\n"
        f"  %3 = clip(%2, a_min=-128f, a_max=127f) /* ty={t('int8', (1, HIDDEN))} */;\n"
        f"  %4 = {layer('%3', l2, 4, 10, None)};\n"
        f"  %5 = {bias.format(4, 6, t('int32', (10,)), t('int32', (1, 10)))};\n"
        f"  {requantize('%5', l2, 7, 10)}\n"
        "}\n" + mlf.RELAY_METADATA_NOTE
    )


def operator_c(name, layer, consts, units, inputs, scratch):
    """One fused dense+bias+requantize+clip operator. scratch: "workspace" takes the int32
    accumulator from TVMBackendAllocWorkspace (as TVM does for buffers of 1 KiB and more),
    "stack" keeps it in a local array (as TVM does below kMaxStackAlloca)."""
    w, b, m, s = consts
    acc = "((int32_t*)T_matmul_NT)"
    if scratch == "workspace":
        nbytes = units * 4
        head = (f"  void* T_matmul_NT = TVMBackendAllocWorkspace(1, 0, (uint64_t){nbytes}, 0, 32);\n"
                "  if (T_matmul_NT == NULL) {\n    return -1;\n  }\n")
        tail = ("  if (TVMBackendFreeWorkspace(1, 0, T_matmul_NT) != 0) {\n    return -1;\n  }\n")
    else:
        head, tail = f"  int32_t T_matmul_NT[{units}];\n", ""
    return (
        func_decl(name) + " {\n" + head +
        f"  for (int32_t j = 0; j < {units}; ++j) {{\n"
        f"    {acc}[j] = {b}[j];\n"
        f"    for (int32_t k = 0; k < {inputs}; ++k) {{\n"
        f"      {acc}[j] = ({acc}[j] + ((((int32_t)p0[k]) - ({layer.in_zp})) * "
        f"((int32_t){w}[((j * {inputs}) + k)])));\n"
        "    }\n  }\n"
        f"  for (int32_t j = 0; j < {units}; ++j) {{\n"
        "    /* requantize: Q31 multiply in int64, round half up, shift right */\n"
        f"    int64_t x = ((int64_t){acc}[j]) * ((int64_t){m}[j]);\n"
        f"    int32_t shift = {s}[j] + 31;\n"
        "    int32_t y = ((int32_t)((x + (((int64_t)1) << (shift - 1))) >> shift)) + "
        f"({layer.out_zp});\n"
        "    T_cast[j] = (int8_t)((y < -128) ? -128 : ((y > 127) ? 127 : y));\n"
        "  }\n" + tail + "  return 0;\n}\n\n"
    )


def func_decl(name):
    return mlf.func_prefix() + f"int32_t {name}(int8_t* p0, int8_t* T_cast)"


def lib1_text(model, l1, l2):
    consts = [("W1", l1.weight), ("b1", l1.bias), ("M1", l1.multiplier), ("S1", l1.right_shift),
              ("W2", l2.weight), ("b2", l2.bias), ("M2", l2.multiplier), ("S2", l2.right_shift)]
    descr = {"W": "int8 weights [out, in]", "b": "int32 bias (scale in*w)",
             "M": "Q31 requantize multipliers", "S": "requantize right shifts"}
    names = [f"fused_constant_{i}" for i in range(len(consts))]
    text = [mlf.lib1_prologue(GENERATOR), "\n"]
    for cname, (label, array) in zip(names, consts):
        text.append(mlf.c_constant(cname, array, f"{label}: {descr[label[0]]}") + "\n")
    text.append(func_decl(OP1) + ";\n" + func_decl(OP2) + ";\n\n")
    text.append(operator_c(OP1, l1, names[0:4], HIDDEN, 64, "workspace"))
    text.append(operator_c(OP2, l2, names[4:8], 10, HIDDEN, "stack"))
    sid_bytes = HIDDEN  # the int8 hidden activations
    text.append(
        "/* The AOT main: intermediate tensors come from TVMBackendAllocWorkspace (no USMP). */\n"
        + mlf.func_prefix() + f"int32_t {model.prefix}___tvm_main__({mlf.main_params(model)}) {{\n"
        f"  void* sid_1 = TVMBackendAllocWorkspace(1, 0, (uint64_t){sid_bytes}, 0, 8);\n"
        "  if (sid_1 == NULL) {\n    return -1;\n  }\n"
        f"  if ({OP1}((int8_t*)input_buffer_var, (int8_t*)sid_1) != 0 ) return -1;\n"
        f"  if ({OP2}((int8_t*)sid_1, (int8_t*)output_buffer_var) != 0 ) return -1;\n"
        "  if (TVMBackendFreeWorkspace(1, 0, sid_1) != 0) {\n    return -1;\n  }\n"
        "  return 0;\n}\n"
    )
    return "".join(text)


def aligned(n):
    return (n + ALIGN - 1) // ALIGN * ALIGN


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=HERE,
                        help="folder to write mlf/ and data/ into (default: %(default)s)")
    args = parser.parse_args()

    weights, calib, fixed_acc, x_te, y_te = train()
    l1, l2 = build(weights, calib)

    q_te = quantize_input(x_te)
    ref = l2(l1(q_te))
    int8_acc = float(np.mean(np.argmax(ref, axis=1) == y_te))

    op1_ws = aligned(HIDDEN * 4)                # T_matmul_NT of layer 1
    main_ws = aligned(HIDDEN)                   # sid_1, live while layer 1 runs
    constants = [l1.weight, l1.bias, l1.multiplier, l1.right_shift,
                 l2.weight, l2.bias, l2.multiplier, l2.right_shift]
    model = mlf.Model(
        NAME, inputs=[("input", "int8", (1, 64))], outputs=[("output", "int8", (1, 10))], pools=[],
        workspace_size=op1_ws + main_ws, constants_size=sum(c.nbytes for c in constants),
        operators=[(OP1, op1_ws), (OP2, 0)])
    mlf.write_all(args.out / "mlf", model, relay_text(l1, l2), lib1_text(model, l1, l2), GENERATOR)

    data = args.out / "data"
    n = len(y_te)
    mlf.save_npy(data / "heldout_inputs.npy", q_te.reshape(n, 1, 64))
    mlf.save_npy(data / "heldout_outputs.npy", ref.reshape(n, 1, 10))
    mlf.save_npy(data / "heldout_labels.npy", y_te.astype(np.int64))
    mlf.save_npy(data / "sample_input.npy", q_te[:1])
    mlf.save_npy(data / "sample_output.npy", ref[:1])

    print(f"digits: {n} held-out samples, fixed-point accuracy {fixed_acc:.4f}, int8 accuracy {int8_acc:.4f}")
    print(f"digits: constants {model.constants_size} bytes, workspace {model.workspace_size} bytes, "
          f"scales in {IN_SCALE:.6g} hidden {l1.out_scale:.6g} out {l2.out_scale:.6g}")


if __name__ == "__main__":
    main()
