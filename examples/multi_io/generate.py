#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Builds the multi_io example: a small float model with two inputs, two outputs and two kinds of
workspace, written as a TVM Model Library Format folder.

    /usr/bin/python3 examples/multi_io/generate.py [--out DIR]

Writes DIR/mlf/ and DIR/data/*.npy; DIR defaults to this script's folder, so a plain run
regenerates the committed files byte for byte. Needs Debian's python3-numpy; touches no network.

The model (weights are seeded random numbers: it exists to exercise the interface, not to be
accurate):

    masked = features * cast(mask, float32)                      [1, 8]   -> pool "sram" @ 1024
    hidden = relu(dense(masked, W1[256, 8]) + b1)                [1, 256] -> pool "sram" @ 0
    scores = dense(hidden, W2[4, 256]) + b2                      [1, 4]   output 0, float32
    flags  = cast(scores > 0, int8)                              [1, 4]   output 1, int8

Intermediate tensors live in the user-supplied USMP pool "sram", at fixed offsets as USMP plans
them; the dense of layer 1 also takes a 1 KiB scratch buffer through TVMBackendAllocWorkspace, so
the model needs a stack workspace too. The numpy reference below sums in the same order as the C
loops, in float32 throughout, so results agree to the last bit unless the C compiler fuses
multiply-adds (then within 1e-5 relative).
"""

import argparse
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree clean when tests run this
sys.path.insert(0, str(HERE.parent / "digits"))
import mlf_writer as mlf  # noqa: E402

NAME = "multi_io"
GENERATOR = "examples/multi_io/generate.py"
SEED = 20240101
FEATURES, HIDDEN, CLASSES = 8, 256, 4
NUM_CASES = 8
MARGIN = 1e-3     # every committed score is at least this far from 0, so flags cannot flip
ALIGN = 16

# USMP plan of pool "sram" (greedy by size: the larger buffer first).
HIDDEN_OFFSET = 0
MASKED_OFFSET = HIDDEN * 4
POOL_SIZE = MASKED_OFFSET + FEATURES * 4

F32 = np.float32


def make_weights(rng):
    w1 = (rng.standard_normal((HIDDEN, FEATURES)) / np.sqrt(FEATURES)).astype(F32)
    b1 = (0.1 * rng.standard_normal(HIDDEN)).astype(F32)
    w2 = (rng.standard_normal((CLASSES, HIDDEN)) / np.sqrt(HIDDEN)).astype(F32)
    b2 = (0.1 * rng.standard_normal(CLASSES)).astype(F32)
    return w1, b1, w2, b2


def dense(x, w):
    """T_matmul_NT[j] = sum_k x[k] * w[j, k], summed k = 0, 1, ... in float32 like the C loop
    (numpy's own dot/sum would add pairwise, in a different order)."""
    acc = np.zeros(w.shape[0], dtype=F32)
    for k in range(w.shape[1]):
        acc = acc + x[k] * w[:, k]   # float32 * float32 -> float32, then one float32 add
    return acc


def reference(features, mask, weights):
    w1, b1, w2, b2 = weights
    masked = features[0] * mask[0].astype(F32)
    hidden = np.maximum(dense(masked, w1) + b1, F32(0))
    scores = dense(hidden, w2) + b2
    flags = (scores > 0).astype(np.int8)
    return scores.reshape(1, CLASSES), flags.reshape(1, CLASSES)


def make_cases(rng, weights):
    """Case 0 random, 1 with every feature present, 2 with none, the rest random."""
    features, masks = [], []
    for i in range(NUM_CASES):
        f = rng.standard_normal((1, FEATURES)).astype(F32)
        m = (rng.random((1, FEATURES)) < 0.7).astype(np.int8)
        if i == 1:
            m[:] = 1
        elif i == 2:
            m[:] = 0
        features.append(f)
        masks.append(m)
    outs = [reference(f, m, weights) for f, m in zip(features, masks)]
    scores = np.stack([o[0] for o in outs])
    if np.abs(scores).min() < MARGIN:
        raise SystemExit(f"a score is within {MARGIN} of 0, where a flag could flip: change SEED")
    return np.stack(features), np.stack(masks), scores, np.stack([o[1] for o in outs])


# ------------------------------------------------------------------------------------------------
# MLF files
# ------------------------------------------------------------------------------------------------

OP_MASK = f"tvmgen_{NAME}_fused_cast_multiply"
OP_DENSE1 = f"tvmgen_{NAME}_fused_nn_dense_add_nn_relu"
OP_DENSE2 = f"tvmgen_{NAME}_fused_nn_dense_add"
OP_FLAGS = f"tvmgen_{NAME}_fused_greater_cast"
POOL_PARAM = "uint8_t* sram_0_var"


def relay_text():
    t = mlf.relay_tensor_type
    f8, h, c4 = t("float32", (1, FEATURES)), t("float32", (1, HIDDEN)), t("float32", (1, CLASSES))
    return (
        "#[version = \"0.0.5\"]\n"
        f"def @main(%features: {f8}, %mask: {t('int8', (1, FEATURES))}, "
        f"output_tensor_names=[\"scores\", \"flags\"]) -> ({c4}, {t('int8', (1, CLASSES))}) {{\n"
        f"  %0 = cast(%mask, dtype=\"float32\") /* ty={f8} */;\n"
        f"  %1 = multiply(%features, %0) /* ty={f8} */;\n"
        f"  %2 = nn.dense(%1, meta[relay.Constant][0] /* ty={t('float32', (HIDDEN, FEATURES))} */, "
        f"units={HIDDEN}) /* ty={h} */;\n"
        f"  %3 = add(%2, meta[relay.Constant][1] /* ty={t('float32', (HIDDEN,))} */) /* ty={h} */;\n"
        f"  %4 = nn.relu(%3) /* ty={h} */;\n"
        f"  %5 = nn.dense(%4, meta[relay.Constant][2] /* ty={t('float32', (CLASSES, HIDDEN))} */, "
        f"units={CLASSES}) /* ty={c4} */;\n"
        f"  %6 = add(%5, meta[relay.Constant][3] /* ty={t('float32', (CLASSES,))} */) /* ty={c4} */;\n"
        f"  %7 = greater(%6, 0f /* ty=float32 */) /* ty={t('bool', (1, CLASSES))} */;\n"
        f"  %8 = cast(%7, dtype=\"int8\") /* ty={t('int8', (1, CLASSES))} */;\n"
        f"  (%6, %8) /* ty=({c4}, {t('int8', (1, CLASSES))}) */\n"
        "}\n" + mlf.RELAY_METADATA_NOTE
    )


def decl(name, params):
    return mlf.func_prefix() + f"int32_t {name}({params}, {POOL_PARAM})"


SIGNATURES = [
    (OP_MASK, "float* p0, int8_t* p1, float* T_multiply"),
    (OP_DENSE1, "float* p0, float* T_relu"),
    (OP_DENSE2, "float* p0, float* T_add"),
    (OP_FLAGS, "float* p0, int8_t* T_cast"),
]


def dense_loop(acc, units, inputs, weight):
    return (
        f"  for (int32_t j = 0; j < {units}; ++j) {{\n"
        f"    {acc}[j] = 0.000000e+00f;\n"
        f"    for (int32_t k = 0; k < {inputs}; ++k) {{\n"
        f"      {acc}[j] = ({acc}[j] + (p0[k] * {weight}[((j * {inputs}) + k)]));\n"
        "    }\n  }\n"
    )


def lib1_text(model, weights):
    names = [f"fused_constant_{i}" for i in range(4)]
    labels = ["W1: dense weights [256, 8]", "b1", "W2: dense weights [4, 256]", "b2"]
    text = [mlf.lib1_prologue(GENERATOR), "\n"]
    for cname, label, array in zip(names, labels, weights):
        text.append(mlf.c_constant(cname, array, label) + "\n")
    text.append("".join(decl(n, p) + ";\n" for n, p in SIGNATURES) + "\n")
    bodies = {
        OP_MASK: (
            f"  for (int32_t k = 0; k < {FEATURES}; ++k) {{\n"
            "    T_multiply[k] = (p0[k] * ((float)p1[k]));\n  }\n"),
        OP_DENSE1: (
            f"  void* T_matmul_NT = TVMBackendAllocWorkspace(1, 0, (uint64_t){HIDDEN * 4}, 2, 32);\n"
            "  if (T_matmul_NT == NULL) {\n    return -1;\n  }\n"
            + dense_loop("((float*)T_matmul_NT)", HIDDEN, FEATURES, names[0]) +
            f"  for (int32_t j = 0; j < {HIDDEN}; ++j) {{\n"
            f"    float v = (((float*)T_matmul_NT)[j] + {names[1]}[j]);\n"
            "    T_relu[j] = ((v) > (0.000000e+00f) ? (v) : (0.000000e+00f));\n  }\n"
            "  if (TVMBackendFreeWorkspace(1, 0, T_matmul_NT) != 0) {\n    return -1;\n  }\n"),
        OP_DENSE2: (
            f"  float T_matmul_NT[{CLASSES}];\n"
            + dense_loop("T_matmul_NT", CLASSES, HIDDEN, names[2]) +
            f"  for (int32_t j = 0; j < {CLASSES}; ++j) {{\n"
            f"    T_add[j] = (T_matmul_NT[j] + {names[3]}[j]);\n  }}\n"),
        OP_FLAGS: (
            f"  for (int32_t j = 0; j < {CLASSES}; ++j) {{\n"
            "    T_cast[j] = ((int8_t)(0.000000e+00f < p0[j]));\n  }\n"),
    }
    for name, params in SIGNATURES:
        text.append(decl(name, params) + " {\n" + bodies[name] + "  return 0;\n}\n\n")
    text.append(
        "/* The AOT main: USMP placed the intermediate tensors in the user's pool \"sram\". */\n"
        + mlf.func_prefix() + f"int32_t {model.prefix}___tvm_main__({mlf.main_params(model)}) {{\n"
        f"  void* sid_2_let = (&(sram_0_var[{HIDDEN_OFFSET}]));\n"
        f"  void* sid_1_let = (&(sram_0_var[{MASKED_OFFSET}]));\n"
        f"  if ({OP_MASK}((float*)features_buffer_var, (int8_t*)mask_buffer_var, (float*)sid_1_let, "
        "sram_0_var) != 0 ) return -1;\n"
        f"  if ({OP_DENSE1}((float*)sid_1_let, (float*)sid_2_let, sram_0_var) != 0 ) return -1;\n"
        f"  if ({OP_DENSE2}((float*)sid_2_let, (float*)scores_buffer_var, sram_0_var) != 0 ) "
        "return -1;\n"
        f"  if ({OP_FLAGS}((float*)scores_buffer_var, (int8_t*)flags_buffer_var, sram_0_var) != 0 ) "
        "return -1;\n"
        "  return 0;\n}\n"
    )
    return "".join(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=HERE,
                        help="folder to write mlf/ and data/ into (default: %(default)s)")
    args = parser.parse_args()

    rng = np.random.default_rng(SEED)
    weights = make_weights(rng)
    features, masks, scores, flags = make_cases(rng, weights)

    scratch = (HIDDEN * 4 + ALIGN - 1) // ALIGN * ALIGN   # OP_DENSE1's T_matmul_NT
    model = mlf.Model(
        NAME,
        inputs=[("features", "float32", (1, FEATURES)), ("mask", "int8", (1, FEATURES))],
        outputs=[("scores", "float32", (1, CLASSES)), ("flags", "int8", (1, CLASSES))],
        pools=[("sram", POOL_SIZE)],
        # As TVM computes it with USMP: largest operator workspace + every pool's size.
        workspace_size=scratch + POOL_SIZE,
        constants_size=sum(w.nbytes for w in weights),
        operators=[(OP_MASK, 0), (OP_DENSE1, scratch), (OP_DENSE2, 0), (OP_FLAGS, 0)])
    mlf.write_all(args.out / "mlf", model, relay_text(), lib1_text(model, weights), GENERATOR)

    data = args.out / "data"
    for name, array in (("features", features), ("mask", masks), ("scores", scores),
                        ("flags", flags)):
        mlf.save_npy(data / f"{name}.npy", array[0])
        mlf.save_npy(data / f"cases_{name}.npy", array)

    print(f"multi_io: {NUM_CASES} cases, constants {model.constants_size} bytes, stack workspace "
          f"{scratch} bytes, pool sram {POOL_SIZE} bytes, "
          f"min |score| {float(np.abs(scores).min()):.4g}")


if __name__ == "__main__":
    main()
