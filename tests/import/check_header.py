#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks a generated tvmcrt_model_<m>.h against the model's own files by the naming rule in
docs/model-header.md. Written separately from the C++ generator so that the two can disagree.

usage: check_header.py --mlf <folder> --generated <tvmcrt_model_<m>.h> [--sidecar <json>] [--slack N]
Exit 0 when every rule holds; otherwise prints each violation and exits 1.
"""
import argparse
import json
import math
import os
import re
import sys

DTYPES = {"int8": ("kTVMDTypeInt8", 1), "uint8": ("kTVMDTypeUInt8", 1), "int16": ("kTVMDTypeInt16", 2),
          "uint16": ("kTVMDTypeUInt16", 2), "int32": ("kTVMDTypeInt32", 4), "uint32": ("kTVMDTypeUInt32", 4),
          "int64": ("kTVMDTypeInt64", 8), "uint64": ("kTVMDTypeUInt64", 8), "float16": ("kTVMDTypeFloat16", 2),
          "float32": ("kTVMDTypeFloat32", 4), "float64": ("kTVMDTypeFloat64", 8), "bool": ("kTVMDTypeBool", 1)}


def sanitize(name):
    return re.sub(r"[^A-Za-z0-9]", "_", name)


def defines(text):
    return dict(re.findall(r"^#define\s+(\w+)\s+(.+?)\s*$", text, re.M))


def struct_members(text, name):
    m = re.search(r"struct\s+" + name + r"\s*\{([^}]*)\}", text)
    return re.findall(r"void\s*\*\s*(\w+)\s*;", m.group(1)) if m else []


class Checker:
    def __init__(self, gen):
        self.gen = gen
        self.errors = []

    def eq(self, macro, want, why):
        got = self.gen.get(macro)
        if got is None:
            self.errors.append(f"{macro} missing (expected {want}: {why})")
        elif got != str(want):
            self.errors.append(f"{macro} is {got}, expected {want} ({why})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlf", required=True)
    ap.add_argument("--generated", required=True)
    ap.add_argument("--sidecar")
    ap.add_argument("--slack", type=int, default=0)
    a = ap.parse_args()

    meta, mod = None, None
    mpath = os.path.join(a.mlf, "metadata.json")
    if os.path.exists(mpath):
        meta = json.load(open(mpath))
        if meta["version"] == 7:
            name = next(iter(meta["modules"]))
            mod = meta["modules"][name]
        else:
            name, mod = meta["model_name"], meta
    else:
        hdrs = [f for f in os.listdir(os.path.join(a.mlf, "codegen/host/include")) if f.startswith("tvmgen_")]
        name = hdrs[0][len("tvmgen_"):-2]
    c = name.lower()
    P = "TVMCRT_" + c.upper()
    tvmgen_text = open(os.path.join(a.mlf, "codegen/host/include", f"tvmgen_{c}.h")).read()
    tvmgen = defines(tvmgen_text)
    gen_text = open(a.generated).read()
    ck = Checker(defines(gen_text))
    side = json.load(open(a.sidecar)) if a.sidecar else {}

    ck.eq(P + "_NAME", f'"{name}"', "model name")
    main_fn = mod["memory"]["functions"]["main"][0] if mod else {}
    for role, key in (("INPUT", "inputs"), ("OUTPUT", "outputs")):
        names = struct_members(tvmgen_text, f"tvmgen_{c}_{key}")
        ck.eq(f"{P}_NUM_{key.upper()}", len(names), f"members of struct tvmgen_{c}_{key}")
        if struct_members(gen_text, f"tvmcrt_{c}_{key}") != names:
            ck.errors.append(f"struct tvmcrt_{c}_{key} members differ from struct tvmgen_{c}_{key}")
        for i, n in enumerate(names):
            q = f"{P}_{role}_{n.upper()}"
            ck.eq(q + "_INDEX", i, f"position in struct tvmgen_{c}_{key}")
            # metadata.json key -> macro
            for orig, info in main_fn.get(key, {}).items():
                if sanitize(orig) == n:
                    ck.eq(q + "_SIZE", info["size"], f"{key}.{orig}.size")
                    ck.eq(q + "_DTYPE_NAME", f'"{info["dtype"]}"', f"{key}.{orig}.dtype")
                    ck.eq(q + "_DTYPE", DTYPES[info["dtype"]][0], f"{key}.{orig}.dtype")
            for orig, info in side.get(key, {}).items():
                if sanitize(orig) == n:
                    ck.eq(q + "_DTYPE_NAME", f'"{info["dtype"]}"', f"sidecar {key}.{orig}.dtype")
                    ck.eq(q + "_NDIM", len(info["shape"]), f"sidecar {key}.{orig}.shape")
                    if info["shape"]:
                        ck.eq(q + "_SHAPE", "{" + ", ".join(map(str, info["shape"])) + "}", f"sidecar {key}.{orig}.shape")
            tv = f"TVMGEN_{c.upper()}_{n.upper()}_SIZE"
            if tv in tvmgen:
                ck.eq(q + "_SIZE", tvmgen[tv], tv)
            # internal consistency: size = element size x product(shape), DIMi match SHAPE
            dt = ck.gen.get(q + "_DTYPE_NAME", '""').strip('"')
            ndim = int(ck.gen.get(q + "_NDIM", "-1"))
            dims = [int(ck.gen.get(f"{q}_DIM{d}", "-1")) for d in range(max(ndim, 0))]
            if ndim > 0:
                ck.eq(q + "_SHAPE", "{" + ", ".join(map(str, dims)) + "}", "DIM macros")
            if dt in DTYPES and ndim >= 0:
                ck.eq(q + "_SIZE", DTYPES[dt][1] * math.prod(dims), "dtype x shape")
    tvm_ws = int(tvmgen.get(f"TVMGEN_{c.upper()}_WORKSPACE_SIZE",
                            main_fn.get("workspace_size_bytes", side.get("workspace_size"))))
    if "workspace_size_bytes" in main_fn:
        ck.eq(P + "_WORKSPACE_TVM_SIZE", main_fn["workspace_size_bytes"], "main[0].workspace_size_bytes")
    ck.eq(P + "_WORKSPACE_TVM_SIZE", tvm_ws, "TVM workspace size")
    ck.eq(P + "_WORKSPACE_SLACK", a.slack, "--slack")
    members = struct_members(tvmgen_text, f"tvmgen_{c}_workspace_pools")
    # Constant pools (TVMGEN_<M>_<P>_CONSTANT_POOL_SIZE) carry their data; they are no descriptor pool.
    consts = [p for p in members if f"TVMGEN_{c.upper()}_{p.upper()}_CONSTANT_POOL_SIZE" in tvmgen]
    for p in consts:
        ck.eq(f"{P}_CONSTANT_POOL_{p.upper()}_SIZE", tvmgen[f"TVMGEN_{c.upper()}_{p.upper()}_CONSTANT_POOL_SIZE"],
              "constant pool size")
    pools = [p for p in members if p not in consts]
    pool_sizes = {p: int(tvmgen.get(f"TVMGEN_{c.upper()}_{p.upper()}_WORKSPACE_POOL_SIZE",
                                    side.get("pools", {}).get(p, 0))) for p in pools}
    # The stack rule: 0 if no source calls TVMBackendAllocWorkspace; TVM's figure without USMP pools;
    # with pools, the largest operator workspace (metadata) or TVM's figure minus the pools.
    src_dir = os.path.join(a.mlf, "codegen/host/src")
    code = "".join(re.sub(r"/\*.*?\*/|//[^\n]*", "", open(os.path.join(src_dir, f)).read(), flags=re.S)
                   for f in sorted(os.listdir(src_dir)) if f.endswith((".c", ".cc", ".cpp")))
    ops = mod["memory"]["functions"].get("operator_functions", []) if mod else []
    op_max = max([w["workspace_size_bytes"] for f in ops for w in f.get("workspace", [])
                  if w.get("device", 1) == 1] + [0])
    if "TVMBackendAllocWorkspace(" not in code:
        stack = 0
    elif not pools:
        stack = tvm_ws
    elif op_max > 0:
        stack = op_max
    else:
        stack = tvm_ws - sum(pool_sizes.values())
    ws = stack + a.slack if stack > 0 else 0
    ck.eq(P + "_WORKSPACE_SIZE", ws, "stack need + slack, 0 if none")
    for i, p in enumerate(pools):
        q = f"{P}_POOL_{p.upper()}"
        ck.eq(q + "_INDEX", i, "external pools come first, in struct order")
        ck.eq(q + "_SIZE", pool_sizes[p], "TVMGEN_<M>_<P>_WORKSPACE_POOL_SIZE or sidecar pools")
    if ws:
        ck.eq(P + "_POOL_WORKSPACE_INDEX", len(pools), "stack workspace comes last")
        ck.eq(P + "_POOL_WORKSPACE_SIZE", ws, "stack pool size")
    ck.eq(P + "_NUM_POOLS", len(pools) + (1 if ws else 0), "external pools + stack workspace")
    ck.eq(P + "_NUM_DEVICES", len(struct_members(tvmgen_text, f"tvmgen_{c}_devices")), "devices struct")

    for e in ck.errors:
        print(f"{a.generated}: {e}")
    print(f"{a.generated}: {'FAIL' if ck.errors else 'ok'} ({len(ck.gen)} macros)")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
