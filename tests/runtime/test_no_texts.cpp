// SPDX-License-Identifier: Apache-2.0
// The runtime built with TVMCRT_ERROR_TEXTS=0: the same codes, "tvmcrt error 0x<code>" for a text,
// and a model's own TVMAPISetLastError() text kept whole; the numbers it records still give
// tvmcrt-host the whole sentence the runtime with its texts would have said.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "host_text.hpp"
#include "toy_models.h"
#include "tvmcrt/tvmcrt.h"

extern "C" void TVMCrtPortAbort(int32_t) {}

namespace {

std::string last_error() { return TVMGetLastError(); }

TEST(NoTexts, CodesStayAndTheTextIsTheCode) {
  TVMContext ctx;
  TVMContextInit(&ctx);
  alignas(16) int8_t x[4] = {1, 2, 3, 4}, y[4] = {};
  toy_inputs in{x};
  toy_outputs out{y};
  toy_behaviour = TOY_OK;
  EXPECT_EQ(TVMExecute(&toy_model, &in, &out, &ctx), kTVMCrtErrWorkspaceMissing);
  EXPECT_EQ(last_error(), "tvmcrt error 0x1101");
  ASSERT_EQ(kTVMCrtErrWorkspaceMissing, 0x1101);
  EXPECT_EQ(host_text(*TVMCrtLastErrorText()),
            "model 'toy' needs workspace 'workspace' of 64 bytes; none was given (TVMSetWorkspaces)");

  alignas(16) uint8_t ws[64];
  TVMWorkspace list[] = {{"workspace", ws, sizeof ws}};
  TVMWorkspaces wss = {list, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  ASSERT_EQ(TVMExecute(&toy_model, &in, &out, &ctx), 0);
  EXPECT_EQ(y[3], 5);

  toy_behaviour = TOY_FAIL_WITH_TEXT;  // the model's text is not ours to compile out
  EXPECT_EQ(TVMExecute(&toy_model, &in, &out, &ctx), kTVMCrtErrModelFailed);
  EXPECT_EQ(last_error(), "conv2d: kernel 3x3 does not fit input 2x2");
  EXPECT_EQ(host_text(*TVMCrtLastErrorText()), "model 'toy' failed (returned -1): conv2d: kernel 3x3 does not fit input 2x2");
  toy_behaviour = TOY_FAIL_BARE;
  EXPECT_EQ(TVMExecute(&toy_model, &in, &out, &ctx), kTVMCrtErrModelFailed);
  EXPECT_EQ(last_error(), "tvmcrt error 0x" + [] {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(kTVMCrtErrModelFailed));
    return std::string(hex);
  }());
  EXPECT_EQ(host_text(*TVMCrtLastErrorText()), "model 'toy' failed (returned 7, 0x7)");
}

}  // namespace
