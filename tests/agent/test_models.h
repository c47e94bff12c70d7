/* SPDX-License-Identifier: Apache-2.0 */
/* test_models.h — a hand-written model table for the agent tests and tvmcrt-device-test, shaped
 * like tvmcrt_link_models()'s output (tvmcrt_agent_models.h). */
#ifndef TEST_MODELS_H_
#define TEST_MODELS_H_

#include <stdint.h>

#include "tvmcrt_agent_models.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Model 0 "add_one": int8[8] x -> int8[8] y = x + 1, through an 8-byte block of its 64-byte stack
 * workspace. Model 1 "sum_bytes": uint8[10000] data -> uint32[1] sum and uint8[10000] reversed (data
 * back to front: an output longer than a frame payload); an external pool "sram" of 256 bytes
 * (alignment 32) and a 32-byte stack workspace; writes the sum into the pool too. */
#define TEST_ADD_ONE_SIZE 8
#define TEST_SUM_SIZE 10000
#define TEST_ARENA_SIZE 1024

extern int test_model_runs;        /* entry calls of either model */
extern int test_model_fail;        /* non-zero: the next entries fail with TEST_MODEL_FAIL_TEXT */
#define TEST_MODEL_FAIL_TEXT "add_one: forced failure for the test"

#ifdef __cplusplus
}
#endif

#endif
