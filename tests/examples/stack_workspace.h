/* SPDX-License-Identifier: Apache-2.0 */
// stack_workspace.h — a minimal TVMBackendAllocWorkspace/TVMBackendFreeWorkspace for running the
// example models directly through tvmgen_<m>_run(), without the tvmcrt runtime.
//
// Same contract as TVM's CRT stack allocator: blocks are rounded up to 16 bytes, served from one
// caller-supplied buffer, and must be freed in reverse order. It records the peak so the tests can
// compare it with what the model's header and metadata.json promise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

class StackWorkspace {
 public:
  static constexpr size_t kAlign = 16;

  explicit StackWorkspace(size_t size);
  ~StackWorkspace();               // uninstalls itself
  void install();                  // makes this the workspace the backend calls use

  size_t peak() const { return peak_; }
  size_t live() const { return sizes_.size(); }
  size_t lifo_errors() const { return lifo_errors_; }
  size_t failed_allocs() const { return failed_allocs_; }

  void *alloc(uint64_t nbytes);
  int free(void *ptr);

 private:
  std::vector<uint8_t> storage_;   // size + kAlign so the base can be aligned
  uint8_t *base_;
  size_t size_;
  size_t top_ = 0;
  size_t peak_ = 0;
  size_t lifo_errors_ = 0;
  size_t failed_allocs_ = 0;
  std::vector<size_t> sizes_;      // rounded size of each live block, oldest first
};
