#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the bench-only copy models (y = x, uint8) as TVM Model Library Format folders.

    /usr/bin/python3 bench/models/generate.py OUT_DIR

One folder per tensor size, OUT_DIR/copy_<size>/ (metadata.json, src/<m>.relay,
codegen/host/{include,src}), in the layout examples/digits/mlf_writer.py writes (TVM v0.18).
bench/CMakeLists.txt runs it when the build is configured: the six models differ only in their
size, so they are generated rather than kept in the tree.
The models exist to move bytes: input and output have the same size, so a benchmark sends and
receives exactly that many payload bytes, and the output equals the input, so a data pattern
(random, all 0x00, all 0xFF) reaches the wire unchanged in both directions.
"""

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, str(HERE.parent.parent / "examples" / "digits"))
import mlf_writer as mlf  # noqa: E402

GENERATOR = "bench/models/generate.py"
# Tensor sizes in bytes: a small execute (P5), the 64 KiB of P1/P2 and the scaling rows.
SIZES = {"64": 64, "1k": 1024, "16k": 16 * 1024, "64k": 64 * 1024, "256k": 256 * 1024, "1m": 1024 * 1024}


def lib1_text(model, size):
    p = model.prefix
    return (
        mlf.lib1_prologue(GENERATOR) + "\n"
        + mlf.func_prefix() + f"int32_t {p}_fused_copy(uint8_t* p0, uint8_t* T_copy);\n\n"
        + mlf.func_prefix() + f"int32_t {p}_fused_copy(uint8_t* p0, uint8_t* T_copy) {{\n"
        f"  for (int32_t i = 0; i < {size}; ++i) {{\n"
        "    T_copy[i] = p0[i];\n"
        "  }\n"
        "  return 0;\n"
        "}\n\n"
        "/* The AOT main: one operator, no intermediate tensors, no workspace. */\n"
        + mlf.func_prefix() + f"int32_t {p}___tvm_main__(void* x_buffer_var, void* y_buffer_var) {{\n"
        f"  if ({p}_fused_copy((uint8_t*)x_buffer_var, (uint8_t*)y_buffer_var) != 0 ) return -1;\n"
        "  return 0;\n"
        "}\n"
    )


def relay_text(size):
    t = mlf.relay_tensor_type("uint8", (size,))
    return (
        "#[version = \"0.0.5\"]\n"
        f"def @main(%x: {t}, output_tensor_names=[\"y\"]) -> {t} {{\n"
        f"  copy(%x) /* ty={t} */\n"
        "}\n" + mlf.RELAY_METADATA_NOTE
    )


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py OUT_DIR")
    out = pathlib.Path(sys.argv[1])
    for suffix, size in SIZES.items():
        name = f"copy_{suffix}"
        model = mlf.Model(name, inputs=[("x", "uint8", (size,))], outputs=[("y", "uint8", (size,))],
                          pools=[], workspace_size=0, constants_size=0,
                          operators=[(f"tvmgen_{name}_fused_copy", 0)])
        mlf.write_all(out / name, model, relay_text(size), lib1_text(model, size), GENERATOR)


if __name__ == "__main__":
    main()
