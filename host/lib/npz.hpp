// SPDX-License-Identifier: Apache-2.0
// npz.hpp — NumPy .npz files (numpy.savez / savez_compressed: a zip of NAME.npy members, stored or
// deflated), read and written through libzip. What `tvmc run` writes and reads: every input or
// output of a model in one file, by name. Failures throw Error(ErrorClass::file) naming the file
// and the member.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "npy.hpp"

namespace tvmcrt::host {

// Members in the archive's order, each named without ".npy". A member larger than
// kMaxNpzMember (uncompressed) is refused before it is inflated; memory grows with what inflates.
inline constexpr unsigned long long kMaxNpzMember = 256ull << 20;
std::vector<std::pair<std::string, NdArray>> npz_load(const std::string &path);
// The same from bytes in memory (tests, fuzzing); `what` names them in messages.
std::vector<std::pair<std::string, NdArray>> npz_parse(const void *bytes, std::size_t len, const std::string &what);
// Writes an uncompressed archive (as numpy.savez does).
void npz_save(const std::string &path, const std::vector<std::pair<std::string, NdArray>> &arrays);

}  // namespace tvmcrt::host
