// SPDX-License-Identifier: Apache-2.0
// Unit tests of the Relay signature reader and name helpers (host/import/src).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "code_scan.hpp"
#include "model.hpp"
#include "relay_parser.hpp"

using namespace tvmcrt::import;

namespace {

std::vector<int64_t> S(std::initializer_list<int64_t> v) { return v; }

TEST(Relay, ParamsAttributesAndTupleReturn) {
  auto sig = parse_relay_main(
      "#[version = \"0.0.5\"]\n"
      "def @main(%input_1: Tensor[(1, 28, 28, 1), int8] /* ty=Tensor[(1, 28, 28, 1), int8] */,\n"
      "          %\"serving:0\": Tensor[(64,), float32], output_tensor_names=[\"a\", \"b, c\", \"d\"]) "
      "-> ((Tensor[(1i64, 10i64), int8], float32), Tensor[(3), uint8]) {\n  body\n}\n",
      "x.relay");
  ASSERT_EQ(sig.params.size(), 2u);
  EXPECT_EQ(sig.params[0].name, "input_1");
  EXPECT_EQ(sig.params[0].shape, S({1, 28, 28, 1}));
  EXPECT_EQ(sig.params[1].name, "serving:0");
  EXPECT_EQ(sig.params[1].shape, S({64}));
  ASSERT_EQ(sig.results.size(), 3u);
  EXPECT_EQ(sig.results[0].shape, S({1, 10}));
  EXPECT_EQ(sig.results[1].dtype, "float32");  // a scalar
  EXPECT_TRUE(sig.results[1].shape.empty());
  EXPECT_EQ(sig.results[2].dtype, "uint8");
  EXPECT_EQ(sig.output_names, std::vector<std::string>({"a", "b, c", "d"}));
  EXPECT_EQ(sig.results[1].name, "b, c");
}

TEST(Relay, OutputNamesMustCoverResults) {
  EXPECT_THROW(parse_relay_main("def @main(%x: Tensor[(1), int8], output_tensor_names=[\"a\"]) -> "
                                "(Tensor[(1), int8], Tensor[(1), int8]) {}",
                                "m.relay"),
               import_error);
}

TEST(Relay, UnquotedNameWithColon) {
  auto sig = parse_relay_main("fn (%x:0: Tensor[(2), int16]) -> Tensor[(), int16] { %x }", "f");
  ASSERT_EQ(sig.params.size(), 1u);
  EXPECT_EQ(sig.params[0].name, "x:0");
  EXPECT_EQ(sanitize_name(sig.params[0].name), "x_0");
  ASSERT_EQ(sig.results.size(), 1u);
  EXPECT_TRUE(sig.results[0].shape.empty());
}

TEST(Relay, DynamicShapeIsAnErrorWithLine) {
  try {
    parse_relay_main("\n\ndef @main(%x: Tensor[(?, 3), float32]) -> Tensor[(1), float32] {}", "m.relay");
    FAIL() << "no error";
  } catch (const import_error &e) {
    EXPECT_EQ(e.code(), exit_code::relay_invalid);
    EXPECT_NE(std::string(e.what()).find("m.relay:3: main signature: dimension '?"), std::string::npos)
        << e.what();
  }
}

TEST(Names, CIdentifiers) {
  EXPECT_TRUE(is_c_identifier("input_1"));
  EXPECT_TRUE(is_c_identifier("_x"));
  EXPECT_FALSE(is_c_identifier("1x"));
  EXPECT_FALSE(is_c_identifier("my-model"));
  EXPECT_FALSE(is_c_identifier(""));
  EXPECT_EQ(sanitize_name("a.b/c-d"), "a_b_c_d");
}

}  // namespace

// MLF Relay text of TVM 0.9-0.12 lists the unbound weights after the real input.
TEST(Relay, UnboundParamsAreReadAsParams) {
  auto sig = parse_relay_main(
      "#[version = \"0.0.5\"]\ndef @main(%input: Tensor[(1, 8), int8] /* ty=Tensor[(1, 8), int8] */, "
      "%v_param_1: Tensor[(8, 8), int8], %v_param_2: Tensor[(8), int32]) -> Tensor[(1, 8), int8] { %0 }",
      "m.relay");
  ASSERT_EQ(sig.params.size(), 3u);
  EXPECT_EQ(sig.params[0].name, "input");
  EXPECT_EQ(sig.params[2].name, "v_param_2");
  EXPECT_TRUE(sig.has_results);
}

// Older TVM prints no return type: no results, no error.
TEST(Relay, MissingReturnTypeGivesNoResults) {
  auto sig = parse_relay_main("def @main(%x: Tensor[(4), float32], output_tensor_names=[\"y\"]) {\n  %x\n}", "m.relay");
  ASSERT_EQ(sig.params.size(), 1u);
  EXPECT_FALSE(sig.has_results);
  EXPECT_TRUE(sig.results.empty());
}

// Found by fuzz_import_relay: a string left open in an attribute ran the reader past the end.
TEST(Relay, BadTextFailsAsRelayInvalid) {
  for (const char *text : {"def @main(%x: Tensor[(1), int8], attr=\"open", "def @main(%x: Tensor[(99999999999999999999), int8]"}) {
    try {
      parse_relay_main(text, "m.relay");
      ADD_FAILURE() << text;
    } catch (const import_error &e) {
      EXPECT_EQ(e.code(), exit_code::relay_invalid) << text;
    }
  }
}

TEST(CodeScan, PrototypesForTheFunctionsTheModelDefinesButNeverDeclares) {
  const std::string lib1 =
      "TVM_DLL int32_t tvmgen_default_fused_add(int8_t* TVM_RESTRICT p0, int8_t* T_add) {\n  return 0;\n}\n"
      "static int32_t tvmgen_default_helper(int32_t x) {\n  return x;\n}\n"
      "TVM_DLL int32_t tvmgen_default_run_model(struct tvmgen_default_inputs* i) {\n  return 0;\n}\n"
      "TVM_DLL int32_t tvmgen_default___tvm_main__(int8_t* a, int8_t* b) {\n"
      "  if (tvmgen_default_cmsis_nn_main_0(a, b) != 0 ) return -1;\n  return tvmgen_default_fused_add(a, b);\n}\n";
  const std::string lib2 = "TVM_DLL int32_t tvmgen_default_cmsis_nn_main_0(int8_t* input_, int8_t* output_) {\n}\n";
  const std::string lib0 = "TVM_DLL int32_t tvmgen_default___tvm_main__(void* a,void* b);\n";
  std::map<std::string, std::string> defined;
  std::set<std::string> declared;
  for (const auto *text : {&lib1, &lib2, &lib0}) collect_prototypes(*text, "default", defined, declared);
  EXPECT_EQ(defined.at("tvmgen_default_fused_add"), "int32_t tvmgen_default_fused_add(int8_t* p0, int8_t* T_add);");
  EXPECT_EQ(defined.at("tvmgen_default_cmsis_nn_main_0"),
            "int32_t tvmgen_default_cmsis_nn_main_0(int8_t* input_, int8_t* output_);");
  EXPECT_FALSE(defined.count("tvmgen_default_helper"));     // static: its file has it
  EXPECT_FALSE(defined.count("tvmgen_default_run_model"));  // a struct parameter: not plain C
  EXPECT_TRUE(declared.count("tvmgen_default___tvm_main__"));  // lib0 declares it (void*): keep that
  EXPECT_FALSE(declared.count("tvmgen_default_cmsis_nn_main_0"));
}
