/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_frame.c — libFuzzer target for the frame codec alone. Input: byte 0 chooses the deframer's
 * buffer size (1..256), the rest is link bytes. Checks, besides the sanitizers: the deframer never
 * reports more bytes than its buffer holds; every frame it delivers re-encodes (buffer and streaming
 * pieces encoders alike, the pieces cut where the frame's own bytes say) into bytes that deframe back
 * to the same frame, within the worst-case bound.
 */
#include <stdlib.h>
#include <string.h>

#include "tvmcrt_frame.h"

static uint8_t again[TVMCRT_COBS_MAX_ENCODED(256)];
static size_t streamed_len;

static bool collect(void *ctx, const uint8_t *bytes, size_t len) {
  (void)ctx;
  if (streamed_len + len > sizeof again) abort();
  memcpy(again + streamed_len, bytes, len);
  streamed_len += len;
  return true;
}

static void check_round_trip(const uint8_t *raw, size_t len) {
  uint8_t enc[TVMCRT_COBS_MAX_ENCODED(256)];
  uint8_t back[256];
  size_t n = tvmcrt_cobs_encode(raw, len, enc, sizeof enc);
  if (n == 0 || n > TVMCRT_COBS_MAX_ENCODED(len) || enc[n - 1] != 0) abort();
  for (size_t i = 0; i + 1 < n; i++) {
    if (enc[i] == 0) abort();  /* COBS output has no 0x00 but the delimiter */
  }
  /* The same bytes in up to four pieces, cut at offsets the frame's first bytes choose (so empty
   * pieces and cuts inside and at the ends of COBS blocks all occur). */
  tvmcrt_piece_t pieces[4];
  size_t count = 0, at = 0;
  while (count < 3 && at < len) {
    size_t cut = at + raw[count] % (len - at + 1);
    pieces[count].data = raw + at;
    pieces[count++].len = cut - at;
    at = cut;
  }
  pieces[count].data = raw + at;
  pieces[count++].len = len - at;
  streamed_len = 0;
  if (!tvmcrt_cobs_encode_pieces(pieces, count, collect, NULL)) abort();
  if (streamed_len != n || memcmp(again, enc, n) != 0) abort();
  tvmcrt_deframer_t d;
  tvmcrt_deframer_init(&d, back, sizeof back);
  for (size_t i = 0; i < n; i++) {
    tvmcrt_deframe_result_t r = tvmcrt_deframer_push(&d, enc[i]);
    if (i + 1 < n && r != TVMCRT_DEFRAME_MORE) abort();
    if (i + 1 == n && (r != TVMCRT_DEFRAME_FRAME || d.len != len || memcmp(back, raw, len) != 0)) {
      abort();
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t buf[256];
  tvmcrt_deframer_t d;
  if (size == 0) return 0;
  size_t cap = (size_t)data[0] + 1u;
  tvmcrt_deframer_init(&d, buf, cap);
  for (size_t i = 1; i < size; i++) {
    tvmcrt_deframe_result_t r = tvmcrt_deframer_push(&d, data[i]);
    if (d.len > cap) abort();
    if (r == TVMCRT_DEFRAME_FRAME && d.len > 0) check_round_trip(buf, d.len);
  }
  return 0;
}
