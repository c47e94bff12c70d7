// SPDX-License-Identifier: Apache-2.0
// test_frame.cpp — the frame codec (proto/frame): CRC, COBS round trips and worst case, and the
// deframer against every kind of line damage. The first include is the header under test.
#include "tvmcrt_frame.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

Bytes raw_frame(uint8_t type, uint16_t seq, const Bytes &payload) {
  Bytes raw(payload.size() + TVMCRT_FRAME_OVERHEAD);
  if (!payload.empty())  // an empty vector's data() may be null: memcpy from null is undefined (UBSan)
    std::memcpy(raw.data() + TVMCRT_FRAME_HEADER_SIZE, payload.data(), payload.size());
  EXPECT_EQ(tvmcrt_frame_seal(raw.data(), type, seq, payload.size()), raw.size());
  return raw;
}

Bytes cobs(const Bytes &raw) {
  Bytes out(TVMCRT_COBS_MAX_ENCODED(raw.size()));
  size_t n = tvmcrt_cobs_encode(raw.data(), raw.size(), out.data(), out.size());
  EXPECT_GT(n, 0u);
  out.resize(n);
  return out;
}

Bytes wire(uint8_t type, uint16_t seq, const Bytes &payload) { return cobs(raw_frame(type, seq, payload)); }

struct Event {
  tvmcrt_deframe_result_t result;
  Bytes raw;
};

// Pushes bytes through a deframer with a buffer of `cap`; collects every non-MORE result.
std::vector<Event> deframe(const Bytes &bytes, size_t cap) {
  Bytes buf(cap);
  tvmcrt_deframer_t d;
  tvmcrt_deframer_init(&d, buf.data(), buf.size());
  std::vector<Event> events;
  for (uint8_t b : bytes) {
    tvmcrt_deframe_result_t r = tvmcrt_deframer_push(&d, b);
    if (r == TVMCRT_DEFRAME_FRAME) events.push_back({r, Bytes(buf.begin(), buf.begin() + d.len)});
    else if (r != TVMCRT_DEFRAME_MORE) events.push_back({r, {}});
  }
  return events;
}

Bytes random_bytes(std::mt19937 &rng, size_t n) {
  Bytes b(n);
  for (auto &x : b) x = static_cast<uint8_t>(rng());
  return b;
}

// --- CRC --------------------------------------------------------------------------------------

TEST(Frame, Crc32KnownVector) {
  const char *s = "123456789";
  EXPECT_EQ(tvmcrt_crc32(0, reinterpret_cast<const uint8_t *>(s), 9), 0xCBF43926u);
  EXPECT_EQ(tvmcrt_crc32(0, nullptr, 0), 0u);
}

TEST(Frame, Crc32ChainsPieces) {
  const uint8_t *s = reinterpret_cast<const uint8_t *>("123456789");
  EXPECT_EQ(tvmcrt_crc32(tvmcrt_crc32(0, s, 4), s + 4, 5), 0xCBF43926u);
}

// --- seal / open ------------------------------------------------------------------------------

TEST(Frame, SealWritesHeaderAndCrcLittleEndian) {
  Bytes raw = raw_frame(0x85, 0x1234, {0xAA, 0x00});
  EXPECT_EQ(raw[0], TVMCRT_FRAME_VERSION);
  EXPECT_EQ(raw[1], 0x85);
  EXPECT_EQ(raw[2], 0x34);
  EXPECT_EQ(raw[3], 0x12);
  uint32_t crc = tvmcrt_crc32(0, raw.data(), 6);
  EXPECT_EQ(raw[6], crc & 0xFF);
  EXPECT_EQ(raw[9], crc >> 24);
}

TEST(Frame, OpenChecksLengthCrcAndVersion) {
  Bytes raw = raw_frame(4, 7, {1, 2, 3});
  uint8_t type = 0;
  uint16_t seq = 0;
  const uint8_t *payload = nullptr;
  size_t len = 0;
  ASSERT_EQ(tvmcrt_frame_open(raw.data(), raw.size(), &type, &seq, &payload, &len), TVMCRT_FRAME_OK);
  EXPECT_EQ(type, 4);
  EXPECT_EQ(seq, 7);
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(payload, raw.data() + 4);
  EXPECT_EQ(tvmcrt_frame_open(raw.data(), 7, &type, &seq, &payload, &len), TVMCRT_FRAME_SHORT);
  Bytes flipped = raw;
  flipped[5] ^= 0x10;
  EXPECT_EQ(tvmcrt_frame_open(flipped.data(), flipped.size(), &type, &seq, &payload, &len),
            TVMCRT_FRAME_BAD_CRC);
  Bytes v2 = raw;
  v2[0] = 2;
  uint32_t crc = tvmcrt_crc32(0, v2.data(), v2.size() - 4);
  std::memcpy(v2.data() + v2.size() - 4, &crc, 4);  // little-endian host
  EXPECT_EQ(tvmcrt_frame_open(v2.data(), v2.size(), &type, &seq, &payload, &len),
            TVMCRT_FRAME_BAD_VERSION);
}

// --- COBS -------------------------------------------------------------------------------------

TEST(Frame, CobsKnownEncodings) {
  EXPECT_EQ(cobs({0x00}), (Bytes{0x01, 0x01, 0x00}));
  EXPECT_EQ(cobs({0x11, 0x22, 0x00, 0x33}), (Bytes{0x03, 0x11, 0x22, 0x02, 0x33, 0x00}));
  EXPECT_EQ(cobs({0x11, 0x00}), (Bytes{0x02, 0x11, 0x01, 0x00}));
  Bytes full(254, 0x42);
  Bytes enc = cobs(full);
  ASSERT_EQ(enc.size(), 256u);  // no extra 0x01 block after a full block at the end
  EXPECT_EQ(enc[0], 0xFF);
  EXPECT_EQ(enc.back(), 0x00);
}

TEST(Frame, CobsRefusesSmallOutput) {
  Bytes raw(100, 7);
  Bytes out(TVMCRT_COBS_MAX_ENCODED(100) - 1);
  EXPECT_EQ(tvmcrt_cobs_encode(raw.data(), raw.size(), out.data(), out.size()), 0u);
}

TEST(Frame, CobsWorstCaseIsTheBound) {
  for (size_t n : {1u, 253u, 254u, 255u, 508u, 509u, 4104u}) {
    Bytes nonzero(n, 0xFF);
    EXPECT_EQ(cobs(nonzero).size(), TVMCRT_COBS_MAX_ENCODED(n)) << n;
    Bytes zeros(n, 0x00);
    EXPECT_EQ(cobs(zeros).size(), n + 2) << n;  // every zero becomes a 0x01 code byte
  }
}

bool collect(void *ctx, const uint8_t *bytes, size_t len) {
  auto *out = static_cast<Bytes *>(ctx);
  out->insert(out->end(), bytes, bytes + len);
  return true;
}

TEST(Frame, StreamEncoderMatchesBufferEncoder) {
  std::mt19937 rng(1);
  for (int i = 0; i < 200; i++) {
    Bytes raw = random_bytes(rng, rng() % 1200);
    for (auto &b : raw) if (rng() % 4 == 0) b = 0;
    const tvmcrt_piece_t whole = {raw.data(), raw.size()};
    Bytes streamed;
    ASSERT_TRUE(tvmcrt_cobs_encode_pieces(&whole, 1, collect, &streamed));
    EXPECT_EQ(streamed, cobs(raw));
  }
}

// Cuts raw at random places into pieces (some empty) over long non-zero runs and zeros, so that
// COBS blocks start, end and run full (254 bytes) across the cuts.
std::vector<tvmcrt_piece_t> random_pieces(std::mt19937 &rng, const Bytes &raw) {
  std::vector<tvmcrt_piece_t> pieces;
  size_t at = 0;
  while (at < raw.size() || pieces.empty()) {
    const size_t n = std::min<size_t>(raw.size() - at, rng() % 3 == 0 ? 0 : rng() % 700);
    pieces.push_back({raw.data() + at, n});
    at += n;
  }
  return pieces;
}

TEST(Frame, PiecesEncodeLikeTheirConcatenation) {
  std::mt19937 rng(2);
  for (int i = 0; i < 500; i++) {
    Bytes raw = random_bytes(rng, rng() % 2000);
    const unsigned zero_odds = 1 + rng() % 600;  // from many zeros to runs far past a block
    for (auto &b : raw) b = rng() % zero_odds == 0 ? 0 : (b | 1);
    if (i % 5 == 0 && !raw.empty()) raw.back() = 0;  // a trailing zero needs its own block
    const auto pieces = random_pieces(rng, raw);
    Bytes streamed;
    ASSERT_TRUE(tvmcrt_cobs_encode_pieces(pieces.data(), pieces.size(), collect, &streamed));
    EXPECT_EQ(streamed, cobs(raw)) << "length " << raw.size() << ", " << pieces.size() << " pieces";
    if (raw.empty()) continue;  // only a delimiter: the deframer takes it for a flush
    const auto events = deframe(streamed, raw.size());  // the independent check: decode it
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].result, TVMCRT_DEFRAME_FRAME);
    EXPECT_EQ(events[0].raw, raw);
  }
}

TEST(Frame, FrameSentWithATailIsTheSealedFrame) {
  std::mt19937 rng(3);
  for (int i = 0; i < 100; i++) {
    Bytes payload = random_bytes(rng, rng() % 9000);
    for (auto &b : payload) if (rng() % 50 == 0) b = 0;
    const size_t cut = payload.empty() ? 0 : rng() % payload.size();
    Bytes head(TVMCRT_FRAME_HEADER_SIZE + cut);  // the header is filled in front of the head
    std::copy(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(cut), head.begin() + TVMCRT_FRAME_HEADER_SIZE);
    Bytes sent;
    const auto seq = static_cast<uint16_t>(i * 977);
    ASSERT_TRUE(tvmcrt_frame_send(head.data(), cut, payload.data() + cut, payload.size() - cut, 0x85, seq, collect, &sent));
    EXPECT_EQ(sent, wire(0x85, seq, payload));
  }
}

bool refuse_after_first(void *ctx, const uint8_t *, size_t) {
  int *calls = static_cast<int *>(ctx);
  return (*calls)++ == 0;
}

TEST(Frame, StreamEncoderStopsWhenEmitFails) {
  Bytes raw(600, 1);
  int calls = 0;
  const tvmcrt_piece_t whole = {raw.data(), raw.size()};
  EXPECT_FALSE(tvmcrt_cobs_encode_pieces(&whole, 1, refuse_after_first, &calls));
  EXPECT_EQ(calls, 2);
}

// --- round trips ------------------------------------------------------------------------------

constexpr size_t kMaxPayload = 4096;
constexpr size_t kCap = kMaxPayload + TVMCRT_FRAME_OVERHEAD;

void expect_round_trip(const Bytes &payload) {
  Bytes raw = raw_frame(5, 42, payload);
  auto events = deframe(wire(5, 42, payload), kCap);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].result, TVMCRT_DEFRAME_FRAME);
  EXPECT_EQ(events[0].raw, raw);
}

TEST(Frame, RoundTripRandomSizes) {
  std::mt19937 rng(2);
  for (size_t n : {0u, 1u, 245u, 246u, 247u, 500u, 4095u, 4096u}) expect_round_trip(random_bytes(rng, n));
  for (int i = 0; i < 300; i++) expect_round_trip(random_bytes(rng, rng() % (kMaxPayload + 1)));
}

TEST(Frame, RoundTripAllZeroAndNoZero) {
  for (size_t n : {0u, 1u, 254u, 4096u}) {
    expect_round_trip(Bytes(n, 0x00));
    expect_round_trip(Bytes(n, 0xFF));
  }
}

// --- corruption -------------------------------------------------------------------------------

bool opens_ok(const Bytes &raw) {
  uint8_t t;
  uint16_t s;
  const uint8_t *p;
  size_t l;
  return tvmcrt_frame_open(raw.data(), raw.size(), &t, &s, &p, &l) == TVMCRT_FRAME_OK;
}

// After damaged bytes nothing passes as a good frame, and the next good frame comes through intact.
void expect_resync(const Bytes &damaged) {
  Bytes good_payload = {9, 8, 7, 0, 6};
  Bytes stream = damaged;
  Bytes good = wire(1, 2, good_payload);
  stream.insert(stream.end(), good.begin(), good.end());
  auto events = deframe(stream, kCap);
  ASSERT_GE(events.size(), 1u);
  EXPECT_EQ(events.back().result, TVMCRT_DEFRAME_FRAME);
  EXPECT_EQ(events.back().raw, raw_frame(1, 2, good_payload));
  for (size_t i = 0; i + 1 < events.size(); i++) {
    if (events[i].result == TVMCRT_DEFRAME_FRAME) EXPECT_FALSE(opens_ok(events[i].raw));
  }
}

TEST(Frame, BitFlipIsCaughtByCrcAndNextFrameSurvives) {
  std::mt19937 rng(3);
  for (int i = 0; i < 200; i++) {
    Bytes w = wire(4, 1, random_bytes(rng, 1 + rng() % 300));
    size_t at = rng() % (w.size() - 1);
    uint8_t bit = static_cast<uint8_t>(1u << (rng() % 8));
    w[at] ^= bit;
    // A flip may make a 0x00 (splitting the frame) or break a COBS code; never a good frame.
    expect_resync(w);
  }
}

TEST(Frame, DroppedInsertedAndTruncatedBytesResync) {
  std::mt19937 rng(4);
  for (int i = 0; i < 200; i++) {
    Bytes w = wire(4, 1, random_bytes(rng, 8 + rng() % 300));
    Bytes dropped = w;
    dropped.erase(dropped.begin() + static_cast<long>(rng() % (w.size() - 1)));
    expect_resync(dropped);
    Bytes inserted = w;
    inserted.insert(inserted.begin() + static_cast<long>(rng() % (w.size() - 1)),
                    static_cast<uint8_t>(1 + rng() % 255));
    expect_resync(inserted);
    Bytes truncated(w.begin(), w.begin() + static_cast<long>(1 + rng() % (w.size() - 2)));
    truncated.push_back(0x00);  // the line went quiet, then a flush delimiter
    expect_resync(truncated);
  }
}

TEST(Frame, CutBlockIsBadCobs) {
  Bytes w = wire(4, 1, Bytes(100, 0x55));
  Bytes cut(w.begin(), w.begin() + 50);
  cut.push_back(0x00);
  auto events = deframe(cut, kCap);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, TVMCRT_DEFRAME_BAD_COBS);
  expect_resync(cut);
}

TEST(Frame, OversizedFrameIsDroppedAndNextFrameSurvives) {
  Bytes big = wire(4, 1, Bytes(kMaxPayload + 1, 0x33));
  auto events = deframe(big, kCap);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, TVMCRT_DEFRAME_OVERSIZE);
  expect_resync(big);
  // Exactly the limit still fits.
  EXPECT_EQ(deframe(wire(4, 1, Bytes(kMaxPayload, 0x33)), kCap).at(0).result, TVMCRT_DEFRAME_FRAME);
}

TEST(Frame, GarbageAndEmptyFramesBetweenFrames) {
  std::mt19937 rng(5);
  Bytes stream = {0x00, 0x00};  // flushes: ignored
  Bytes a = wire(1, 1, {1, 2, 3});
  stream.insert(stream.end(), a.begin(), a.end());
  Bytes noise = random_bytes(rng, 40);
  noise.push_back(0x00);
  stream.insert(stream.end(), noise.begin(), noise.end());
  Bytes b = wire(2, 2, {4, 5, 6});
  stream.insert(stream.end(), b.begin(), b.end());
  auto events = deframe(stream, kCap);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.front().raw, raw_frame(1, 1, {1, 2, 3}));
  EXPECT_EQ(events.back().raw, raw_frame(2, 2, {4, 5, 6}));
  for (size_t i = 1; i + 1 < events.size(); i++) {
    if (events[i].result == TVMCRT_DEFRAME_FRAME) EXPECT_FALSE(opens_ok(events[i].raw));
  }
}

}  // namespace
