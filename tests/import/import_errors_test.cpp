// SPDX-License-Identifier: Apache-2.0
// tvmcrt-import on broken inputs: each case breaks one thing in a copy of a good fixture and checks
// the exit code and that the message names the file, the key or line, and the fix.
#include "import_cli.hpp"

namespace {

TEST_F(ImportCli, GoodFixtureImports) {
  auto r = import(copy_fixture("copy7"));
  EXPECT_EQ(r.code, 0) << r.text;
  EXPECT_TRUE(fs::exists(dir_ / "out/tvmcrt_model_copy7.h"));
  EXPECT_TRUE(fs::exists(dir_ / "out/tvmcrt_model_copy7.c"));
  EXPECT_TRUE(fs::exists(dir_ / "out/tvmcrt_model_copy7_slots.h"));
}

TEST_F(ImportCli, AlignmentOptions) {
  auto mlf = copy_fixture("copy7");
  auto r = import(mlf, "--pool-alignment 64 --io-alignment 32 --workspace-slack 32");
  ASSERT_EQ(r.code, 0) << r.text;
  const std::string h = slurp(dir_ / "out/tvmcrt_model_copy7.h");
  for (const char *line :
       {"#define TVMCRT_COPY7_POOL_SRAM_ALIGNMENT 64\n", "#define TVMCRT_COPY7_IO_ALIGNMENT 32\n",
        "#define TVMCRT_COPY7_WORKSPACE_SIZE 128\n", "#define TVMCRT_COPY7_WORKSPACE_SLACK 32\n"})
    EXPECT_NE(h.find(line), std::string::npos) << line;
  // Arena: each pool rounded to 64, plus 48 so a 16-aligned arena can align it: (256+48) + (128+48).
  EXPECT_NE(slurp(dir_ / "out/tvmcrt_model_copy7_slots.h").find("#define TVMCRT_COPY7_ARENA_NEED 480\n"),
            std::string::npos);
  EXPECT_NE(slurp(dir_ / "out/tvmcrt_model_copy7_slots.h").find("__attribute__((aligned(32)))"),
            std::string::npos);
}

TEST_F(ImportCli, Usage) {
  EXPECT_IMPORT_FAILS(run_tool(""), 2, "command line: no input folder given", "usage: tvmcrt-import");
  EXPECT_IMPORT_FAILS(run_tool("x --out-dir y --workspace-slack -3"), 2,
                      "--workspace-slack: needs a non-negative integer, got '-3'");
  EXPECT_IMPORT_FAILS(run_tool("x --out-dir y --io-alignment 12"), 2,
                      "--io-alignment: must be a power of two, got '12'");
}

TEST_F(ImportCli, EmptyFolder) {
  auto mlf = copy_fixture("copy7");
  fs::remove_all(mlf);
  fs::create_directories(mlf);
  EXPECT_IMPORT_FAILS(import(mlf), 3,
                      "no model found: looked for a header tvmgen_<model>.h declaring tvmgen_<model>_run() in "
                      "every folder below",
                      "fix: pass the folder TVM wrote for the model");
}

TEST_F(ImportCli, MetadataNotJson) {
  auto mlf = copy_fixture("copy7");
  spit(mlf / "metadata.json", "{\"version\": 7,");
  EXPECT_IMPORT_FAILS(import(mlf), 4, "metadata.json: not valid JSON", "fix: re-export the model");
}

TEST_F(ImportCli, MetadataKeyMissing) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "metadata.json", "\"workspace_size_bytes\": 352", "\"workspace_bytes\": 352");
  EXPECT_IMPORT_FAILS(
      import(mlf), 4,
      "metadata.json: modules.copy7.memory.functions.main[0].workspace_size_bytes: key is missing");
}

TEST_F(ImportCli, MetadataWrongType) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "metadata.json", "\"size\": 8}", "\"size\": \"8\"}");
  EXPECT_IMPORT_FAILS(import(mlf), 4, "inputs.y:0.size: expected a non-negative integer, found \"8\"");
}

TEST_F(ImportCli, UnknownVersion) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "metadata.json", "\"version\": 7", "\"version\": 9");
  EXPECT_IMPORT_FAILS(import(mlf), 5, "metadata.json: version: version 9 is not supported (5, 6 and 7 are)");
}

TEST_F(ImportCli, HeaderWithoutRunPrototype) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h", "int32_t tvmgen_copy7_run(", "int32_t tvmgen_copy7_go(");
  EXPECT_IMPORT_FAILS(import(mlf), 6, "tvmgen_copy7.h: no prototype 'int32_t tvmgen_copy7_run(...);' found");
}

TEST_F(ImportCli, HeaderBadMemberNamesLine) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h", "  void* y_0;", "  int y_0;");
  EXPECT_IMPORT_FAILS(import(mlf), 6, "tvmgen_copy7.h:21: member 'int y_0' of struct tvmgen_copy7_inputs");
}

TEST_F(ImportCli, HeaderMissingStructRunTakes) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h", "struct tvmgen_copy7_devices {",
       "struct other_devices {");
  EXPECT_IMPORT_FAILS(import(mlf), 6, "takes struct tvmgen_copy7_devices but the header does not define it");
}

TEST_F(ImportCli, ConstantPoolWithoutData) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h", "#define TVMGEN_COPY7_WEIGHTS_CONSTANT_POOL_DATA",
       "#define TVMGEN_COPY7_WEIGHTS_CONSTANT_POOL_BYTES");
  EXPECT_IMPORT_FAILS(import(mlf), 6,
                      "constant pool 'weights' has TVMGEN_COPY7_WEIGHTS_CONSTANT_POOL_SIZE but no "
                      "TVMGEN_COPY7_WEIGHTS_CONSTANT_POOL_DATA");
}

TEST_F(ImportCli, SourcesLackRun) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/src/copy7_lib0.c", "int32_t tvmgen_copy7_run(", "int32_t tvmgen_copy7_other(");
  const std::string want = "none of the sources defines tvmgen_copy7_run():\n    " +
                           (mlf / "codegen/host/src/copy7_lib0.c").string();
  EXPECT_IMPORT_FAILS(import(mlf), 7, want.c_str());
}

// An llvm-target MLF has objects in codegen/host/lib instead of C sources.
TEST_F(ImportCli, ObjectsInsteadOfSources) {
  auto mlf = copy_fixture("copy7");
  fs::create_directories(mlf / "codegen/host/lib");
  const std::string cc = "cc -c -I " + (mlf / "codegen/host/include").string() + " -I " +
                         TVMCRT_RUNTIME_INCLUDE + " -o " + (mlf / "codegen/host/lib/copy7_lib0.o").string() +
                         " ";
  ASSERT_EQ(std::system((cc + (mlf / "codegen/host/src/copy7_lib0.c").string()).c_str()), 0);
  fs::remove_all(mlf / "codegen/host/src");
  EXPECT_EQ(import(mlf).code, 0) << import(mlf).text;
  // The object's symbol table shows the TVMBackendAllocWorkspace call: the stack pool stays.
  EXPECT_NE(slurp(dir_ / "out/tvmcrt_model_copy7.h").find("#define TVMCRT_COPY7_WORKSPACE_SIZE 96\n"),
            std::string::npos);
  spit(dir_ / "other.c", "int other_function(void) { return 1; }\n");
  ASSERT_EQ(std::system((cc + (dir_ / "other.c").string()).c_str()), 0);
  EXPECT_IMPORT_FAILS(import(mlf), 7, "tvmgen_copy7.h but no source (*.c, *.cc, *.cpp) or object (*.o) defining "
                                      "any tvmgen_copy7_* function");
}

TEST_F(ImportCli, HeaderSizeMacroDisagrees) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h", "TVMGEN_COPY7_X_SIZE 4", "TVMGEN_COPY7_X_SIZE 5");
  EXPECT_IMPORT_FAILS(
      import(mlf), 8,
      "tvmgen_copy7.h: TVMGEN_COPY7_X_SIZE: input 'x' size 5 disagrees with int8 x [1, 4] = 4 bytes");
}

TEST_F(ImportCli, MetadataSizeDisagrees) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "metadata.json", "\"x\": {\"dtype\": \"int8\", \"size\": 4}",
       "\"x\": {\"dtype\": \"int8\", \"size\": 6}");
  EXPECT_IMPORT_FAILS(
      import(mlf), 8,
      "metadata.json: modules.copy7.memory.functions.main[0].inputs.x.size: input 'x' size 6");
}

TEST_F(ImportCli, DtypeDisagreesBetweenRelayAndMetadata) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "src/copy7.relay", "%x: Tensor[(1, 4), int8]", "%x: Tensor[(1, 4), uint8]");
  EXPECT_IMPORT_FAILS(import(mlf), 8, "input 'x' has dtype int8 but", "copy7.relay says uint8");
}

TEST_F(ImportCli, WorkspaceBelowPools) {
  auto mlf = copy_fixture("hdronly");
  edit(mlf / "codegen/host/include/tvmgen_hdronly.h", "WORKSPACE_SIZE 80", "WORKSPACE_SIZE 40");
  EXPECT_IMPORT_FAILS(
      import(mlf, "--sidecar " + std::string(TVMCRT_IMPORT_FIXTURES) + "/hdronly.sidecar.json"), 8,
      "workspace size 40 is below the external pools' 64 bytes");
}

// A model whose code never calls TVMBackendAllocWorkspace gets no stack pool, whatever TVM's figure.
TEST_F(ImportCli, NoStackPoolWithoutAllocCalls) {
  auto mlf = copy_fixture("legacy6");
  spit(mlf / "codegen/host/src/legacy6_lib0.c",
       "#include \"tvmgen_legacy6.h\"\n"
       "int32_t tvmgen_legacy6_run(struct tvmgen_legacy6_inputs* i, struct tvmgen_legacy6_outputs* o) {\n"
       "  (void)i; (void)o; return 0;\n}\n");
  auto r = import(mlf);
  ASSERT_EQ(r.code, 0) << r.text;
  const std::string h = slurp(dir_ / "out/tvmcrt_model_legacy6.h");
  EXPECT_NE(h.find("#define TVMCRT_LEGACY6_WORKSPACE_SIZE 0\n"), std::string::npos) << h;
  EXPECT_NE(h.find("#define TVMCRT_LEGACY6_WORKSPACE_TVM_SIZE 40\n"), std::string::npos) << h;
  EXPECT_NE(h.find("#define TVMCRT_LEGACY6_NUM_POOLS 0\n"), std::string::npos) << h;
}

TEST_F(ImportCli, ModelNameNotIdentifier) {
  auto mlf = copy_fixture("basic5");
  fs::rename(mlf / "codegen/host/include/tvmgen_basic5.h", mlf / "codegen/host/include/tvmgen_basic-5.h");
  edit(mlf / "codegen/host/include/tvmgen_basic-5.h", "tvmgen_basic5_run(", "tvmgen_basic-5_run(");
  EXPECT_IMPORT_FAILS(import(mlf), 9, "tvmgen_basic-5.h: module name 'basic-5' is not a C identifier",
                      "mod_name=\"my_model\"");
  // A name that is no C identifier is refused before anything is read.
  EXPECT_IMPORT_FAILS(import(copy_fixture("basic5"), "--name basic-5"), 9,
                      "--name: model name 'basic-5' is not a C identifier");
}

TEST_F(ImportCli, NamesClashAfterUpperCasing) {
  auto mlf = copy_fixture("hdronly");
  edit(mlf / "codegen/host/include/tvmgen_hdronly.h", "  void* Identity;",
       "  void* Identity;\n  void* IDENTITY;");
  EXPECT_IMPORT_FAILS(import(mlf), 9, "output names differing only in case ('IDENTITY')");
}

TEST_F(ImportCli, SidecarUnknownKey) {
  auto mlf = copy_fixture("hdronly");
  spit(dir_ / "side.json", "{\"inptus\": {}}");
  EXPECT_IMPORT_FAILS(import(mlf, "--sidecar " + (dir_ / "side.json").string()), 10,
                      "side.json: inptus: unknown key",
                      "fix: see the sidecar format in docs/model-header.md");
}

TEST_F(ImportCli, SidecarNamesUnknownTensor) {
  auto mlf = copy_fixture("hdronly");
  spit(dir_ / "side.json", R"({"inputs": {"input_2": {"dtype": "int8", "shape": [1]}}})");
  EXPECT_IMPORT_FAILS(import(mlf, "--sidecar " + (dir_ / "side.json").string()), 10,
                      "side.json: inputs.input_2: the header has no input named 'input_2'");
}

TEST_F(ImportCli, SidecarShapeDisagreesWithHeaderSize) {
  auto mlf = copy_fixture("hdronly");
  std::string side = slurp(fs::path(TVMCRT_IMPORT_FIXTURES) / "hdronly.sidecar.json");
  spit(dir_ / "side.json", side.replace(side.find("[1, 2, 2]"), 9, "[1, 2, 3]"));
  EXPECT_IMPORT_FAILS(
      import(mlf, "--sidecar " + (dir_ / "side.json").string()), 8,
      "TVMGEN_HDRONLY_INPUT_1_SIZE: input 'input_1' size 16 disagrees with float32 x [1, 2, 3] = 24 bytes");
}

TEST_F(ImportCli, HeaderOnlyWithoutSidecar) {
  auto mlf = copy_fixture("hdronly");
  EXPECT_IMPORT_FAILS(import(mlf), 11,
                      "the dtype of input 'input_1' is unknown: no Relay text, metadata.json or typed pointer in "
                      "the code gives it; its size is 16 bytes (TVMGEN_HDRONLY_INPUT_1_SIZE)",
                      "fix: give it in a sidecar JSON: {\"inputs\": {\"input_1\": {\"dtype\": \"int8\"}}}");
}

TEST_F(ImportCli, RelayDoesNotParse) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "src/copy7.relay", "-> (Tensor", "=> (Tensor");
  // A hint only: the import goes on from metadata.json and the header, and says so.
  const auto r = import(mlf);
  EXPECT_EQ(r.code, 0) << r.text;
  EXPECT_NE(r.text.find("tvmcrt-import: note: left out the Relay text, which could not be read: "), std::string::npos)
      << r.text;
  EXPECT_NE(r.text.find("copy7.relay:2: main signature: expected '->'"), std::string::npos) << r.text;
}

TEST_F(ImportCli, RelayDoesNotMatchHeader) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "src/copy7.relay", "%x: Tensor", "%z: Tensor");
  EXPECT_IMPORT_FAILS(import(mlf), 12, "copy7.relay: main has no input named 'x' (the header's input 0)");
}

TEST_F(ImportCli, RelayOutputNamesDoNotMatchHeader) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "src/copy7.relay", "output_tensor_names=[\"out_a\", \"out_b\"]",
       "output_tensor_names=[\"out_c\", \"out_a\"]");
  EXPECT_IMPORT_FAILS(import(mlf), 12, "main has no output named 'out_b' (the header's output 1)");
}

TEST_F(ImportCli, IoInPoolsUnsupported) {
  auto mlf = copy_fixture("copy7");
  edit(mlf / "codegen/host/include/tvmgen_copy7.h",
       "  struct tvmgen_copy7_inputs* inputs,\n  struct tvmgen_copy7_outputs* outputs,\n", "");
  EXPECT_IMPORT_FAILS(import(mlf), 13, "takes no input/output structs", "tir.usmp.use_workspace_io");
}

TEST_F(ImportCli, GraphExecutorUnsupported) {
  auto mlf = copy_fixture("legacy6");
  edit(mlf / "metadata.json", "\"executors\": [\"aot\"]", "\"executors\": [\"graph\"]");
  EXPECT_IMPORT_FAILS(import(mlf), 13, "metadata.json: executors: executors [\"graph\"] does not include \"aot\"",
                      "Executor(\"aot\"");
}

TEST_F(ImportCli, UnknownDtype) {
  auto mlf = copy_fixture("hdronly");
  std::string side = slurp(fs::path(TVMCRT_IMPORT_FIXTURES) / "hdronly.sidecar.json");
  spit(dir_ / "side.json", side.replace(side.find("\"int32\""), 7, "\"complex64\""));
  EXPECT_IMPORT_FAILS(import(mlf, "--sidecar " + (dir_ / "side.json").string()), 13,
                      "output 'Identity' has dtype 'complex64', which tvmcrt does not support");
}

TEST_F(ImportCli, OutputFolderNotWritable) {
  auto mlf = copy_fixture("copy7");
  spit(dir_ / "afile", "x");
  auto r = run_tool(mlf.string() + " --out-dir " + (dir_ / "afile/sub").string());
  EXPECT_IMPORT_FAILS(r, 14, "afile/sub: cannot create the folder");
}

TEST_F(ImportCli, SeveralModulesNeedName) {
  auto mlf = copy_fixture("copy7");
  std::string meta = slurp(mlf / "metadata.json");
  size_t mods = meta.find("\"copy7\": {");
  spit(mlf / "metadata.json", meta.insert(mods, "\"other\": {},\n    "));
  // The header says which module this is; metadata.json's other module is left alone.
  EXPECT_EQ(import(mlf).code, 0) << import(mlf).text;
  // Two models' headers in one folder: the user must choose.
  fs::copy(mlf / "codegen/host/include/tvmgen_copy7.h", mlf / "codegen/host/include/tvmgen_other.h");
  edit(mlf / "codegen/host/include/tvmgen_other.h", "tvmgen_copy7_run(", "tvmgen_other_run(");
  EXPECT_IMPORT_FAILS(import(mlf), 2, "several models here:\n    copy7\n    other",
                      "choose one with --module <model> (CMake: MODULE <model>)");
  EXPECT_EQ(import(mlf, "--module copy7").code, 0);
  // --name of a model that is there picks it, as it always did.
  EXPECT_EQ(import(mlf, "--name copy7").code, 0);
}

}  // namespace
