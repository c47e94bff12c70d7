/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_agent.c — libFuzzer target for the agent's receive path: deframer, frame check, nanopb
 * decoding and every handler, with the test model table (tests/agent/test_models.c).
 *
 * Input: byte 0 picks the mode. Odd: the rest goes to the agent as raw link bytes (deframer and
 * Nak paths). Even: the rest is records [type][len lo][len hi][payload...] that are sealed with a
 * good CRC and COBS-encoded, so the fuzzer spends its time in the decoders and handlers instead of
 * guessing CRCs; bit 1 of byte 0 makes the models fail. Invariant checked besides the sanitizers:
 * everything the agent sends is a sequence of well-formed frames.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agent_driver.h"
#include "test_models.h"
#include "tvmcrt_frame.h"

#define MAX_RAW (4096 + TVMCRT_FRAME_OVERHEAD + 16)

static uint8_t raw[MAX_RAW];
static uint8_t wire[TVMCRT_COBS_MAX_ENCODED(MAX_RAW)];
static uint8_t out[256 * 1024];
static uint8_t check_buf[MAX_RAW];

static void feed_records(const uint8_t *data, size_t size) {
  uint16_t seq = 1;
  while (size >= 3) {
    uint8_t type = data[0];
    size_t len = (size_t)data[1] | ((size_t)data[2] << 8);
    data += 3;
    size -= 3;
    if (len > size) len = size;
    if (len > MAX_RAW - TVMCRT_FRAME_OVERHEAD) len = MAX_RAW - TVMCRT_FRAME_OVERHEAD;
    memcpy(raw + TVMCRT_FRAME_HEADER_SIZE, data, len);
    size_t raw_len = tvmcrt_frame_seal(raw, type, seq++, len);
    size_t n = tvmcrt_cobs_encode(raw, raw_len, wire, sizeof wire);
    (void)driver_feed(wire, n);
    data += len;
    size -= len;
  }
}

/* Every byte the agent wrote must deframe into frames that open cleanly. */
static void check_output(void) {
  tvmcrt_deframer_t d;
  size_t n = driver_take_output(out, sizeof out);
  tvmcrt_deframer_init(&d, check_buf, sizeof check_buf);
  for (size_t i = 0; i < n; i++) {
    tvmcrt_deframe_result_t r = tvmcrt_deframer_push(&d, out[i]);
    if (r == TVMCRT_DEFRAME_MORE) continue;
    uint8_t type;
    uint16_t seq;
    const uint8_t *payload;
    size_t len;
    if (r != TVMCRT_DEFRAME_FRAME ||
        tvmcrt_frame_open(check_buf, d.len, &type, &seq, &payload, &len) != TVMCRT_FRAME_OK) {
      abort();
    }
  }
  if (n > 0 && out[n - 1] != 0x00) abort();  /* a response was cut off */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  test_model_fail = (data[0] & 2) != 0;
  if (driver_init(0x12345678u) != 0) abort();
  (void)driver_take_output(out, sizeof out);  /* the Boot frame */
  if (data[0] & 1) {
    (void)driver_feed(data + 1, size - 1);
  } else {
    feed_records(data + 1, size - 1);
  }
  check_output();
  return 0;
}
