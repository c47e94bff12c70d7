/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_frame.c — CRC-32, COBS and the byte-at-a-time deframer (see tvmcrt_frame.h and
 * docs/protocol.md). C99, no allocation, no state outside the caller's structs, so the device agent
 * and the host library share this one file.
 */
#include "tvmcrt_frame.h"

/*--------------------------------------------------------------------------------------------------
 * CRC-32/ISO-HDLC, a nibble at a time: a 64-byte table instead of 1 KiB keeps flash small on
 * Cortex-M, and the frame rate of a UART does not need the byte-table speed.
 *------------------------------------------------------------------------------------------------*/

static const uint32_t crc_nibble[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
    0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
    0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu,
};

uint32_t tvmcrt_crc32(uint32_t crc, const uint8_t *data, size_t len) {
  crc = ~crc;  /* the running value is kept post-xored, so pieces chain: crc(crc(0, a), b) */
  for (size_t i = 0; i < len; i++) {
    crc ^= data[i];
    crc = (crc >> 4) ^ crc_nibble[crc & 0x0Fu];
    crc = (crc >> 4) ^ crc_nibble[crc & 0x0Fu];
  }
  return ~crc;
}

/*--------------------------------------------------------------------------------------------------
 * Seal / open
 *------------------------------------------------------------------------------------------------*/

static void put_le32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

static uint32_t get_le32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put_header(uint8_t *raw, uint8_t type, uint16_t seq) {
  raw[0] = TVMCRT_FRAME_VERSION;
  raw[1] = type;
  raw[2] = (uint8_t)seq;
  raw[3] = (uint8_t)(seq >> 8);
}

size_t tvmcrt_frame_seal(uint8_t *raw, uint8_t type, uint16_t seq, size_t payload_len) {
  size_t body = TVMCRT_FRAME_HEADER_SIZE + payload_len;
  put_header(raw, type, seq);
  put_le32(raw + body, tvmcrt_crc32(0, raw, body));
  return body + TVMCRT_FRAME_CRC_SIZE;
}

tvmcrt_frame_check_t tvmcrt_frame_open(const uint8_t *raw, size_t raw_len, uint8_t *type,
                                       uint16_t *seq, const uint8_t **payload,
                                       size_t *payload_len) {
  if (raw_len < TVMCRT_FRAME_OVERHEAD) return TVMCRT_FRAME_SHORT;
  size_t body = raw_len - TVMCRT_FRAME_CRC_SIZE;
  /* CRC before version: a corrupted version byte is a transmission error, not a foreign peer. */
  if (tvmcrt_crc32(0, raw, body) != get_le32(raw + body)) return TVMCRT_FRAME_BAD_CRC;
  if (raw[0] != TVMCRT_FRAME_VERSION) return TVMCRT_FRAME_BAD_VERSION;
  *type = raw[1];
  *seq = (uint16_t)(raw[2] | (raw[3] << 8));
  *payload = raw + TVMCRT_FRAME_HEADER_SIZE;
  *payload_len = body - TVMCRT_FRAME_HEADER_SIZE;
  return TVMCRT_FRAME_OK;
}

/*--------------------------------------------------------------------------------------------------
 * COBS. A block is a code byte c (1..255) and c-1 non-zero bytes; it stands for those bytes plus a
 * 0x00, except after a full block (c = 255) and at the end of the frame. A frame ending exactly at
 * a full block gets no extra 0x01 block, which keeps the worst case at TVMCRT_COBS_MAX_ENCODED.
 *------------------------------------------------------------------------------------------------*/

/* COBS-encodes the concatenated pieces, block by block: the code byte, then the block's bytes
 * straight from the pieces (one emit() per piece it spans). Both encoders below are this walk, so
 * they produce the same bytes. (i, pos) is where the next block starts. */
static bool cobs_walk(const tvmcrt_piece_t *pieces, size_t count, tvmcrt_emit_fn emit, void *ctx) {
  size_t i = 0, pos = 0;
  for (;;) {
    size_t j = i, q = pos, n = 0;
    uint8_t code;
    bool zero = false;
    /* The block: up to 254 non-zero bytes, ended by a 0x00 (which it stands for) or the end. */
    while (n < 254u && j < count) {
      if (q == pieces[j].len) {
        j++;
        q = 0;
      } else if (pieces[j].data[q] == 0) {
        zero = true;
        break;
      } else {
        n++;
        q++;
      }
    }
    if (n == 0 && !zero) return true; /* nothing left: the frame ended on data or a full block */
    code = (uint8_t)(n + 1u);
    if (!emit(ctx, &code, 1)) return false;
    while (i < j) { /* the block's bytes, piece by piece */
      if (pieces[i].len > pos && !emit(ctx, pieces[i].data + pos, pieces[i].len - pos)) return false;
      i++;
      pos = 0;
    }
    if (q > pos && !emit(ctx, pieces[i].data + pos, q - pos)) return false;
    pos = q + (zero ? 1u : 0u);
    if (zero) {
      /* A 0x00 that ends the frame needs one more (empty) block after it. */
      size_t k = i, r = pos;
      while (k < count && r == pieces[k].len) {
        k++;
        r = 0;
      }
      if (k == count) {
        code = 1u;
        return emit(ctx, &code, 1);
      }
    }
  }
}

typedef struct {
  uint8_t *out;
  size_t len;
} cobs_buffer_t;

static bool cobs_to_buffer(void *ctx, const uint8_t *bytes, size_t len) {
  cobs_buffer_t *b = (cobs_buffer_t *)ctx;
  for (size_t i = 0; i < len; i++) b->out[b->len++] = bytes[i];
  return true;
}

size_t tvmcrt_cobs_encode(const uint8_t *raw, size_t raw_len, uint8_t *out, size_t out_cap) {
  if (out_cap < TVMCRT_COBS_MAX_ENCODED(raw_len)) return 0;
  tvmcrt_piece_t piece = {raw, raw_len};
  cobs_buffer_t b = {out, 0};
  (void)cobs_walk(&piece, 1, cobs_to_buffer, &b);
  out[b.len++] = TVMCRT_FRAME_DELIMITER;
  return b.len;
}

bool tvmcrt_cobs_encode_pieces(const tvmcrt_piece_t *pieces, size_t count, tvmcrt_emit_fn emit, void *ctx) {
  static const uint8_t delimiter = TVMCRT_FRAME_DELIMITER;
  return cobs_walk(pieces, count, emit, ctx) && emit(ctx, &delimiter, 1);
}

bool tvmcrt_frame_send(uint8_t *head, size_t head_len, const uint8_t *tail, size_t tail_len,
                       uint8_t type, uint16_t seq, tvmcrt_emit_fn emit, void *ctx) {
  uint8_t crc_le[TVMCRT_FRAME_CRC_SIZE];
  size_t body = TVMCRT_FRAME_HEADER_SIZE + head_len;
  tvmcrt_piece_t pieces[3];
  put_header(head, type, seq);
  put_le32(crc_le, tvmcrt_crc32(tvmcrt_crc32(0, head, body), tail, tail_len));
  pieces[0].data = head;
  pieces[0].len = body;
  pieces[1].data = tail;
  pieces[1].len = tail_len;
  pieces[2].data = crc_le;
  pieces[2].len = sizeof crc_le;
  return tvmcrt_cobs_encode_pieces(pieces, 3, emit, ctx);
}

/*--------------------------------------------------------------------------------------------------
 * Deframer. code == 0 means "between frames": the next non-zero byte is a frame's first code byte.
 * The 0x00 a finished block stands for is written only when the next block starts, because the
 * last block of a frame stands for no 0x00.
 *------------------------------------------------------------------------------------------------*/

void tvmcrt_deframer_init(tvmcrt_deframer_t *d, uint8_t *buf, size_t cap) {
  d->buf = buf;
  d->cap = cap;
  d->len = 0;
  d->code = 0;
  d->left = 0;
  d->overflow = false;
  d->bad = false;
}

static void deframer_append(tvmcrt_deframer_t *d, uint8_t byte) {
  if (d->len < d->cap) {
    d->buf[d->len++] = byte;
  } else {
    d->overflow = true;  /* keep counting nothing; the delimiter reports it */
  }
}

static tvmcrt_deframe_result_t deframer_end(tvmcrt_deframer_t *d) {
  tvmcrt_deframe_result_t r = TVMCRT_DEFRAME_FRAME;
  if (d->code == 0) return TVMCRT_DEFRAME_MORE;  /* empty frame: a sender's flush */
  if (d->overflow) {
    r = TVMCRT_DEFRAME_OVERSIZE;
  } else if (d->left != 0) {
    d->bad = true;  /* the delimiter cut a block short */
    r = TVMCRT_DEFRAME_BAD_COBS;
  }
  d->code = 0;
  d->left = 0;
  return r;
}

tvmcrt_deframe_result_t tvmcrt_deframer_push(tvmcrt_deframer_t *d, uint8_t byte) {
  if (byte == TVMCRT_FRAME_DELIMITER) return deframer_end(d);
  if (d->code == 0) {  /* first byte of a new frame: the previous frame's bytes are released */
    d->len = 0;
    d->overflow = false;
    d->bad = false;
  } else if (d->left != 0) {
    deframer_append(d, byte);
    d->left--;
    return TVMCRT_DEFRAME_MORE;
  } else if (d->code != 0xFFu) {
    deframer_append(d, 0);
  }
  d->code = byte;
  d->left = (uint8_t)(byte - 1u);
  return TVMCRT_DEFRAME_MORE;
}
