// SPDX-License-Identifier: Apache-2.0
// A model table linked with an explicit ARENA_SIZE (tvmcrt_link_models(... ARENA_SIZE 4096)).
#include <gtest/gtest.h>

#include "tvmcrt_agent_models.h"
#include "tvmcrt_model_copy7.h"

TEST(TableArenaSize, GivenSizeWins) {
  EXPECT_EQ(tvmcrt_agent_arena_size, 4096u);
  ASSERT_EQ(tvmcrt_agent_model_count, 1u);
  EXPECT_EQ(tvmcrt_agent_models[0].model, &tvmcrt_model_copy7);
}
