// SPDX-License-Identifier: Apache-2.0
// tvmcrt-import on TVM output as people publish it (#19, #12): what the folder, the header's size
// macros and the code's pointer types tell, what is missing, and renaming. Each case works on a
// private copy of tests/import/fixtures/published (a model compiled as "default").
#include "import_cli.hpp"

namespace {

// The header-only era: no metadata.json, no Relay text, no size macros in the header.
void strip_to_header_only(const fs::path &mlf, bool keep_size_macros) {
  fs::remove(mlf / "metadata.json");
  fs::remove_all(mlf / "src");
  if (keep_size_macros) return;
  const fs::path h = mlf / "codegen/host/include/tvmgen_default.h";
  std::string text = slurp(h);
  for (const char *m : {"#define TVMGEN_DEFAULT_SERVING_INPUT_SIZE 8\n", "#define TVMGEN_DEFAULT_OUTPUT_SIZE 8\n"})
    text.erase(text.find(m), std::string(m).size());
  spit(h, text);
}

TEST_F(ImportCli, SidecarDtypeThatLiesIsCaughtByTheCode) {
  auto mlf = copy_fixture("published");
  strip_to_header_only(mlf, false);
  spit(dir_ / "lie.json", R"({"inputs": {"serving_input": {"dtype": "float32", "shape": [1, 2]}},
                             "outputs": {"output": {"dtype": "int8", "shape": [1, 8]}}})");
  EXPECT_IMPORT_FAILS(import(mlf, "--sidecar " + (dir_ / "lie.json").string()), 8,
                      "lie.json: inputs.serving_input: input 'serving_input' is declared float32 but the generated "
                      "code (default_lib1.c:24) reads it through int8_t*, i.e. int8",
                      "fix: give the dtype the model was compiled with (int8)");
  spit(dir_ / "true.json", R"({"inputs": {"serving_input": {"dtype": "int8", "shape": [1, 8]}},
                              "outputs": {"output": {"dtype": "int8", "shape": [1, 8]}}})");
  EXPECT_EQ(import(mlf, "--sidecar " + (dir_ / "true.json").string()).code, 0);
}

TEST_F(ImportCli, SizeMacrosAndPointerTypesNeedNoSidecar) {
  auto mlf = copy_fixture("published");
  strip_to_header_only(mlf, true);
  auto r = import(mlf);
  ASSERT_EQ(r.code, 0) << r.text;
  const std::string h = slurp(dir_ / "out/tvmcrt_model_default.h");
  EXPECT_NE(h.find("#define TVMCRT_DEFAULT_INPUT_SERVING_INPUT_DTYPE kTVMDTypeInt8\n"), std::string::npos) << h;
  EXPECT_NE(h.find("#define TVMCRT_DEFAULT_INPUT_SERVING_INPUT_SHAPE {8}\n"), std::string::npos) << h;
  // A sidecar then gives only what is missing for a shaped view: the shape.
  spit(dir_ / "shape.json", R"({"inputs": {"serving_input": {"shape": [2, 4]}}})");
  ASSERT_EQ(import(mlf, "--sidecar " + (dir_ / "shape.json").string()).code, 0);
  EXPECT_NE(slurp(dir_ / "out/tvmcrt_model_default.h").find("#define TVMCRT_DEFAULT_INPUT_SERVING_INPUT_SHAPE {2, 4}\n"),
            std::string::npos);
}

TEST_F(ImportCli, SaysWhichFactIsMissing) {
  auto mlf = copy_fixture("published");
  strip_to_header_only(mlf, false);
  EXPECT_IMPORT_FAILS(import(mlf), 11,
                      "the shape of input 'serving_input' is unknown: its dtype is int8 (default_lib1.c:24) but "
                      "nothing gives its size or shape (no TVMGEN_DEFAULT_SERVING_INPUT_SIZE",
                      "fix: give it in a sidecar JSON: {\"inputs\": {\"serving_input\": {\"shape\": [1, 64]}}}");
  edit(mlf / "codegen/host/src/default_lib1.c", "(int8_t* serving_input_buffer_var,", "(void* serving_input_buffer_var,");
  EXPECT_IMPORT_FAILS(import(mlf), 11, "the dtype of input 'serving_input' is unknown",
                      "default_lib1.c:24 passes it as void*",
                      "{\"inputs\": {\"serving_input\": {\"dtype\": \"int8\", \"shape\": [1, 64]}}}");
}

TEST_F(ImportCli, SeveralCandidatesAreListedWithHowToChoose) {
  auto mlf = copy_fixture("published");
  // An application beside the export keeping its own, edited, copy of the header.
  fs::create_directories(dir_ / "app/include");
  fs::copy(mlf / "codegen/host/include/tvmgen_default.h", dir_ / "app/include/tvmgen_default.h");
  edit(dir_ / "app/include/tvmgen_default.h", "WORKSPACE_SIZE 0", "WORKSPACE_SIZE 64");
  const std::string listed = "several different tvmgen_default.h:\n    " +
                             (dir_ / "app/include/tvmgen_default.h").string() + "\n    " +
                             (mlf / "codegen/host/include/tvmgen_default.h").string();
  EXPECT_IMPORT_FAILS(import(dir_), 2, listed.c_str(), "fix: pass the folder that holds the one of the model you mean");
  // An identical copy is the same header: the application folder imports.
  fs::copy(mlf / "codegen/host/include/tvmgen_default.h", dir_ / "app/include/tvmgen_default.h",
           fs::copy_options::overwrite_existing);
  fs::remove(dir_ / "out");
  EXPECT_EQ(import(dir_).code, 0) << import(dir_).text;
  // Two exports of the model under one folder: two definitions of the run function.
  fs::copy(mlf, dir_ / "copy", fs::copy_options::recursive);
  EXPECT_IMPORT_FAILS(import(dir_), 2, "several files define tvmgen_default_run():",
                      "fix: pass the folder of one export of the model");
  EXPECT_EQ(import(mlf).code, 0);
}

TEST_F(ImportCli, MetadataFileMustExist) {
  auto mlf = copy_fixture("published");
  EXPECT_IMPORT_FAILS(import(mlf, "--metadata " + (dir_ / "nope.json").string()), 3, "nope.json: no such file",
                      "fix: pass the metadata.json of the model's export with --metadata (CMake: METADATA)");
}

TEST_F(ImportCli, ListFilesShowsWhatIsRead) {
  auto mlf = copy_fixture("published");
  fs::create_directories(mlf / "runtime/src");
  spit(mlf / "runtime/src/crt.c", "int TVMPlatformInit(void) { return tvmgen_default_run(0, 0); }\n");
  auto r = run_tool("--list-files " + mlf.string());
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.text, "module default\nheader " + (mlf / "codegen/host/include/tvmgen_default.h").string() +
                        "\nsource " + (mlf / "codegen/host/src/default_lib0.c").string() + "\nsource " +
                        (mlf / "codegen/host/src/default_lib1.c").string() + "\nmetadata " +
                        (mlf / "metadata.json").string() + "\nrelay " + (mlf / "src/default.relay").string() + "\n");
}

TEST_F(ImportCli, NameRenamesTheModule) {
  auto mlf = copy_fixture("published");
  auto r = import(mlf, "--name kws");
  ASSERT_EQ(r.code, 0) << r.text;
  const std::string prelude = slurp(dir_ / "out/tvmcrt_model_kws_prelude.h");
  for (const char *d : {"#define tvmgen_default_run tvmgen_kws_run\n",
                        "#define tvmgen_default___tvm_main__ tvmgen_kws___tvm_main__\n",
                        "#define tvmgen_default_fused_multiply_add_clip tvmgen_kws_fused_multiply_add_clip\n",
                        "#define tvmgen_default_inputs tvmgen_kws_inputs\n"})
    EXPECT_NE(prelude.find(d), std::string::npos) << d << prelude;
  EXPECT_NE(slurp(dir_ / "out/tvmcrt_model_kws.h").find("#define TVMCRT_KWS_NAME \"kws\"\n"), std::string::npos);
  const std::string c = slurp(dir_ / "out/tvmcrt_model_kws.c");
  EXPECT_NE(c.find("#include \"tvmcrt_model_kws_prelude.h\"\n#include \"tvmgen_default.h\""), std::string::npos) << c;
  EXPECT_NE(c.find("return tvmgen_default_run("), std::string::npos) << c;  // renamed by the prelude
  // Without a rename the prelude defines nothing.
  ASSERT_EQ(import(mlf).code, 0);
  EXPECT_EQ(slurp(dir_ / "out/tvmcrt_model_default_prelude.h").find("#define tvmgen"), std::string::npos);
}

TEST_F(ImportCli, VendorHeaderGivesTheAcceleratorMessage) {
  auto mlf = copy_fixture("vendor");
  ASSERT_EQ(import(mlf).code, 0) << import(mlf).text;
  const std::string prelude = slurp(dir_ / "out/tvmcrt_model_default_prelude.h");
  EXPECT_NE(prelude.find("#if !__has_include(<ethosu_driver.h>)\n#error \"model default was compiled for the Arm "
                         "Ethos-U NPU: default_lib1.c includes ethosu_driver.h, which is not on the include path. "
                         "To build it, add Arm's ethos-u-core-driver"),
            std::string::npos)
      << prelude;
}

}  // namespace
