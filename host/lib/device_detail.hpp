// SPDX-License-Identifier: Apache-2.0
// device_detail.hpp — limits device.cpp and device_run.cpp share; not for users of Device.
#pragma once

#include <cstddef>

namespace tvmcrt::host::device_detail {

// Protobuf bytes a WriteInput/ReadOutput message adds around its data (fields, tags, lengths,
// a Status without an error): chunks are max_frame_payload minus this.
constexpr std::size_t kWriteOverhead = 32;
constexpr std::size_t kReadOverhead = 48;
// Noisy-line chunk sizing (Device::chunk_limit_): the smallest chunk (~100 bytes on the wire, which
// still arrives whole 40 % of the time at a bit error rate of 1e-3), retransmissions of a larger
// frame before it is sent again smaller, answers without retransmission before chunks grow again.
constexpr std::size_t kMinChunk = 64;
constexpr int kGiveUpAfter = 3;
constexpr unsigned kCleanAnswersToGrow = 16;

}  // namespace tvmcrt::host::device_detail
