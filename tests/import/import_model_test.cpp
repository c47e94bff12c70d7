// SPDX-License-Identifier: Apache-2.0
// Generated descriptors of the fixture models: every field, the macros, and the adapter passing
// the right pointers to tvmgen_<m>_run() (the fixture models copy inputs to outputs).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "tvmcrt_model_basic5.h"
#include "tvmcrt_model_copy7.h"
#include "tvmcrt_model_hdronly.h"
#include "tvmcrt_model_legacy6.h"
#include "tvmcrt_model_tarred.h"

extern "C" void *copy7_seen_device;  // set by the copy7 fixture's tvmgen_copy7_run()

namespace {

void expect_tensor(const TVMTensorInfo &t, const char *name, TVMDType dtype, std::vector<int32_t> shape,
                   size_t size) {
  SCOPED_TRACE(name);
  EXPECT_STREQ(t.name, name);
  EXPECT_EQ(t.dtype, dtype);
  ASSERT_EQ(t.ndim, shape.size());
  EXPECT_EQ(std::vector<int32_t>(t.shape, t.shape + t.ndim), shape);
  EXPECT_EQ(t.size_bytes, size);
}

void expect_pool(const TVMPoolInfo &p, const char *name, TVMPoolKind kind, size_t size) {
  SCOPED_TRACE(name);
  EXPECT_STREQ(p.name, name);
  EXPECT_EQ(p.kind, kind);
  EXPECT_EQ(p.size_bytes, size);
  EXPECT_EQ(p.alignment, 16u);
}

// copy7's header declares the pools sram (workspace) and weights (constant, bytes in the header).
TEST(Descriptor, Copy7FromMetadataV7) {
  const TVMModel &m = tvmcrt_model_copy7;
  EXPECT_STREQ(m.name, "copy7");
  ASSERT_EQ(m.num_inputs, 2);
  ASSERT_EQ(m.num_outputs, 2);
  ASSERT_EQ(m.num_pools, 2);
  ASSERT_EQ(m.num_devices, 1);
  expect_tensor(m.inputs[0], "x", kTVMDTypeInt8, {1, 4}, 4);
  expect_tensor(m.inputs[1], "y_0", kTVMDTypeFloat32, {2}, 8);  // "y:0" sanitized, as TVM does
  expect_tensor(m.outputs[0], "out_a", kTVMDTypeInt8, {1, 4}, 4);
  expect_tensor(m.outputs[1], "out_b", kTVMDTypeFloat32, {2}, 8);
  expect_pool(m.pools[0], "sram", kTVMPoolExternal, 256);
  expect_pool(m.pools[1], "workspace", kTVMPoolStack, 96);
  EXPECT_STREQ(m.devices[0], "accel");
  EXPECT_EQ(m.io_alignment, 1u);
  ASSERT_NE(m.entry, nullptr);
}

TEST(Macros, Copy7) {
  EXPECT_STREQ(TVMCRT_COPY7_NAME, "copy7");
  EXPECT_EQ(TVMCRT_COPY7_INPUT_Y_0_SIZE, 8);
  EXPECT_EQ(TVMCRT_COPY7_INPUT_Y_0_DTYPE, kTVMDTypeFloat32);
  EXPECT_STREQ(TVMCRT_COPY7_INPUT_Y_0_DTYPE_NAME, "float32");
  EXPECT_EQ(TVMCRT_COPY7_INPUT_Y_0_INDEX, 1);
  const int32_t shape[] = TVMCRT_COPY7_OUTPUT_OUT_A_SHAPE;
  EXPECT_EQ(sizeof shape / sizeof shape[0], size_t{TVMCRT_COPY7_OUTPUT_OUT_A_NDIM});
  EXPECT_EQ(TVMCRT_COPY7_OUTPUT_OUT_A_DIM1, 4);
  EXPECT_EQ(TVMCRT_COPY7_WORKSPACE_SIZE, 96);       // the operator's need, not TVM's 352
  EXPECT_EQ(TVMCRT_COPY7_WORKSPACE_TVM_SIZE, 352);  // 96 + the 256-byte pool
  EXPECT_EQ(TVMCRT_COPY7_POOL_SRAM_SIZE, 256);
  EXPECT_EQ(TVMCRT_COPY7_POOL_SRAM_INDEX, 0);
  EXPECT_EQ(TVMCRT_COPY7_POOL_WORKSPACE_INDEX, 1);
  EXPECT_EQ(TVMCRT_COPY7_CONSTANT_POOL_WEIGHTS_SIZE, 4);  // no descriptor pool: the adapter passes it
}

TEST(Adapter, Copy7PassesEveryPointer) {
  int8_t x[4] = {1, -2, 3, -4};
  float y[2] = {1.5f, -2.25f};
  int8_t out_a[4] = {};
  float out_b[2] = {};
  uint8_t sram[256] = {};
  int device_token = 0;
  // What TVMExecute() does: the typed struct read as an array of pointers.
  struct tvmcrt_copy7_inputs in;
  in.x = x;
  in.y_0 = y;
  struct tvmcrt_copy7_outputs out;
  out.out_a = out_a;
  out.out_b = out_b;
  void *pools[] = {sram};
  void *devices[] = {&device_token};
  copy7_seen_device = nullptr;
  EXPECT_EQ(tvmcrt_model_copy7.entry(reinterpret_cast<void *const *>(&in),
                                     reinterpret_cast<void *const *>(&out), pools, devices),
            7);                           // the fixture's return value, passed through
  const int8_t want_a[4] = {2, 0, 6, 0};  // x + the constant pool's {1, 2, 3, 4}
  EXPECT_EQ(0, std::memcmp(out_a, want_a, sizeof want_a));
  EXPECT_EQ(0, std::memcmp(out_b, y, sizeof y));
  EXPECT_EQ(sram[0], 0x5A);
  EXPECT_EQ(sram[255], 0x5A);
  EXPECT_EQ(copy7_seen_device, &device_token);
}

TEST(Descriptor, Legacy6FlattensNestedTupleAndAddsSlack) {
  const TVMModel &m = tvmcrt_model_legacy6;
  ASSERT_EQ(m.num_inputs, 1);
  ASSERT_EQ(m.num_outputs, 3);
  expect_tensor(m.inputs[0], "input", kTVMDTypeUInt8, {2, 3}, 6);
  expect_tensor(m.outputs[0], "output0", kTVMDTypeUInt8, {6}, 6);
  expect_tensor(m.outputs[1], "output1", kTVMDTypeInt32, {1}, 4);
  expect_tensor(m.outputs[2], "output2", kTVMDTypeUInt8, {2, 3}, 6);
  ASSERT_EQ(m.num_pools, 1);
  expect_pool(m.pools[0], "workspace", kTVMPoolStack, 40 + 32);  // WORKSPACE_SLACK 32
  EXPECT_EQ(TVMCRT_LEGACY6_WORKSPACE_SIZE, 72);
  EXPECT_EQ(TVMCRT_LEGACY6_WORKSPACE_TVM_SIZE, 40);
  EXPECT_EQ(TVMCRT_LEGACY6_WORKSPACE_SLACK, 32);
  EXPECT_EQ(m.num_devices, 0);
  EXPECT_EQ(m.devices, nullptr);

  // legacy6 allocates from the stack workspace, so it runs through the runtime.
  alignas(16) static uint8_t ws[TVMCRT_LEGACY6_WORKSPACE_SIZE];
  TVMContext ctx;
  TVMContextInit(&ctx);
  const TVMWorkspace list[] = {{"workspace", ws, sizeof ws}};
  const TVMWorkspaces wss = {list, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
  uint8_t input[6] = {1, 2, 3, 4, 5, 6}, o0[6] = {}, o2[6] = {};
  int32_t o1 = 0;
  void *ins[] = {input};
  void *outs[] = {o0, &o1, o2};
  ASSERT_EQ(TVMExecute(&m, ins, outs, &ctx), 0) << TVMGetLastError();
  EXPECT_EQ(0, std::memcmp(o0, input, 6));
  EXPECT_EQ(o1, 21);
  EXPECT_EQ(0, std::memcmp(o2, input, 6));
  EXPECT_GE(TVMContextPeakWorkspace(&ctx), 40u);
  EXPECT_LE(TVMContextPeakWorkspace(&ctx), 72u);
}

TEST(Descriptor, Basic5FromMetadataV5HasNoPools) {
  const TVMModel &m = tvmcrt_model_basic5;
  expect_tensor(m.inputs[0], "data", kTVMDTypeUInt8, {3}, 3);
  expect_tensor(m.outputs[0], "output", kTVMDTypeInt16, {3}, 6);
  EXPECT_EQ(m.num_pools, 0);
  EXPECT_EQ(m.pools, nullptr);
  EXPECT_EQ(TVMCRT_BASIC5_WORKSPACE_SIZE, 0);
  uint8_t in[3] = {1, 100, 255};
  int16_t out[3] = {};
  void *ins[] = {in};
  void *outs[] = {out};
  EXPECT_EQ(m.entry(ins, outs, nullptr, nullptr), 0);
  EXPECT_EQ(out[0], 2);
  EXPECT_EQ(out[1], 200);
  EXPECT_EQ(out[2], 510);
}

TEST(Descriptor, HdronlyFromHeaderAndSidecar) {
  const TVMModel &m = tvmcrt_model_hdronly;
  expect_tensor(m.inputs[0], "input_1", kTVMDTypeFloat32, {1, 2, 2}, 16);
  expect_tensor(m.outputs[0], "Identity", kTVMDTypeInt32, {4}, 16);
  ASSERT_EQ(m.num_pools, 2);
  expect_pool(m.pools[0], "scratch", kTVMPoolExternal, 64);  // size from the sidecar
  expect_pool(m.pools[1], "workspace", kTVMPoolStack, 16);   // TVM's 80 minus the pool
  EXPECT_EQ(m.io_alignment, 32u);
  EXPECT_EQ(TVMCRT_HDRONLY_OUTPUT_IDENTITY_SIZE, 16);
  EXPECT_EQ(TVMCRT_HDRONLY_WORKSPACE_TVM_SIZE, 80);  // no metadata: stack = 80 - pool 64
  // It allocates from the stack workspace: import_runtime_test.cpp runs it through TVMExecute().
}

TEST(Descriptor, TarredUnpackedAtConfigure) {
  const TVMModel &m = tvmcrt_model_tarred;
  expect_tensor(m.inputs[0], "a", kTVMDTypeFloat32, {2, 2}, 16);
  expect_tensor(m.outputs[0], "output", kTVMDTypeFloat32, {2, 2}, 16);
  EXPECT_EQ(m.num_pools, 0);
  float a[4] = {0, 1, 2, -1}, out[4] = {};
  void *ins[] = {a};
  void *outs[] = {out};
  EXPECT_EQ(m.entry(ins, outs, nullptr, nullptr), 0);
  EXPECT_FLOAT_EQ(out[0], 1.0f);
  EXPECT_FLOAT_EQ(out[3], 0.0f);
}

}  // namespace
