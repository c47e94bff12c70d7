/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_frame.h — the frame codec shared by the device agent and the host library (C99, no
 * allocation): CRC-32, COBS encoding, and a byte-at-a-time deframer. docs/protocol.md is the spec.
 * Depends on tvmcrt_frame.c.
 */
#ifndef TVMCRT_FRAME_H_
#define TVMCRT_FRAME_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TVMCRT_FRAME_VERSION 1
#define TVMCRT_FRAME_HEADER_SIZE 4   /* version, type, sequence (uint16 LE) */
#define TVMCRT_FRAME_CRC_SIZE 4      /* CRC-32/ISO-HDLC, little-endian */
#define TVMCRT_FRAME_OVERHEAD (TVMCRT_FRAME_HEADER_SIZE + TVMCRT_FRAME_CRC_SIZE)
#define TVMCRT_FRAME_RESPONSE_BIT 0x80
#define TVMCRT_FRAME_DELIMITER 0x00

/* Bytes on the wire for a raw frame (header + payload + CRC) of raw_len bytes, worst case,
 * including the COBS code bytes and the trailing delimiter. */
#define TVMCRT_COBS_MAX_ENCODED(raw_len) ((raw_len) + ((raw_len) + 253u) / 254u + 1u)

/* CRC-32/ISO-HDLC. Start with crc = 0; feed pieces in order: crc = tvmcrt_crc32(crc, p, n). */
uint32_t tvmcrt_crc32(uint32_t crc, const uint8_t *data, size_t len);

/* Fills the 4-byte header at raw[0..3] and the CRC after raw[4 .. 4+payload_len), so that raw holds
 * a complete raw frame of TVMCRT_FRAME_OVERHEAD + payload_len bytes. Returns that length. */
size_t tvmcrt_frame_seal(uint8_t *raw, uint8_t type, uint16_t seq, size_t payload_len);

/* COBS-encodes raw[0..raw_len) into out and appends the 0x00 delimiter. Returns the bytes written,
 * or 0 if out_cap < TVMCRT_COBS_MAX_ENCODED(raw_len). raw and out must not overlap. */
size_t tvmcrt_cobs_encode(const uint8_t *raw, size_t raw_len, uint8_t *out, size_t out_cap);

/* Bytes that lie somewhere in memory: a frame may be sent from several without being assembled. */
typedef struct tvmcrt_piece {
  const uint8_t *data;
  size_t len;
} tvmcrt_piece_t;

/* Streaming COBS encoder for senders without a second buffer: the same encoding of the concatenated
 * pieces, handed to emit() a run at a time (delimiter included). Returns false as soon as emit()
 * does. */
typedef bool (*tvmcrt_emit_fn)(void *ctx, const uint8_t *bytes, size_t len);
bool tvmcrt_cobs_encode_pieces(const tvmcrt_piece_t *pieces, size_t count, tvmcrt_emit_fn emit, void *ctx);

/* Sends a whole frame whose payload is head[HEADER_SIZE .. HEADER_SIZE + head_len) followed by
 * tail[0..tail_len): fills the header into head[0..HEADER_SIZE), makes the CRC, and emits it all
 * COBS-encoded from where it lies, so a tail held in place (a tensor) needs no frame buffer of its
 * size. tail may be NULL when tail_len is 0. Returns false as soon as emit() does. */
bool tvmcrt_frame_send(uint8_t *head, size_t head_len, const uint8_t *tail, size_t tail_len,
                       uint8_t type, uint16_t seq, tvmcrt_emit_fn emit, void *ctx);

/* Byte-at-a-time deframer: COBS-decodes into a caller-owned buffer as bytes arrive. */
typedef enum {
  TVMCRT_DEFRAME_MORE = 0,      /* byte taken, frame not complete */
  TVMCRT_DEFRAME_FRAME = 1,     /* a frame ended with good COBS; raw bytes are buf[0..len) */
  TVMCRT_DEFRAME_OVERSIZE = 2,  /* a frame ended that did not fit the buffer; it was dropped */
  TVMCRT_DEFRAME_BAD_COBS = 3,  /* a frame ended with a malformed COBS code; it was dropped */
} tvmcrt_deframe_result_t;

typedef struct tvmcrt_deframer {
  uint8_t *buf;
  size_t cap;
  size_t len;
  uint8_t code;       /* current COBS block code */
  uint8_t left;       /* bytes left in the current block */
  bool overflow;
  bool bad;
} tvmcrt_deframer_t;

void tvmcrt_deframer_init(tvmcrt_deframer_t *d, uint8_t *buf, size_t cap);
tvmcrt_deframe_result_t tvmcrt_deframer_push(tvmcrt_deframer_t *d, uint8_t byte);

/* Checks a complete raw frame: length >= overhead, CRC, framing version. On success sets type, seq
 * and the payload's place and returns true. */
typedef enum {
  TVMCRT_FRAME_OK = 0,
  TVMCRT_FRAME_SHORT = 1,
  TVMCRT_FRAME_BAD_CRC = 2,
  TVMCRT_FRAME_BAD_VERSION = 3,
} tvmcrt_frame_check_t;

tvmcrt_frame_check_t tvmcrt_frame_open(const uint8_t *raw, size_t raw_len, uint8_t *type,
                                       uint16_t *seq, const uint8_t **payload, size_t *payload_len);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_FRAME_H_ */
