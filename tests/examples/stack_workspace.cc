// SPDX-License-Identifier: Apache-2.0
#include "stack_workspace.h"

#include "tvm/runtime/c_backend_api.h"

namespace {
StackWorkspace *g_current = nullptr;
}

StackWorkspace::StackWorkspace(size_t size) : storage_(size + kAlign), size_(size) {
  uintptr_t p = reinterpret_cast<uintptr_t>(storage_.data());
  base_ = storage_.data() + ((kAlign - p % kAlign) % kAlign);
}

StackWorkspace::~StackWorkspace() {
  if (g_current == this) g_current = nullptr;
}

void StackWorkspace::install() { g_current = this; }

void *StackWorkspace::alloc(uint64_t nbytes) {
  size_t rounded = static_cast<size_t>((nbytes + kAlign - 1) / kAlign * kAlign);
  if (rounded > size_ - top_) {
    ++failed_allocs_;
    return nullptr;
  }
  void *p = base_ + top_;
  top_ += rounded;
  sizes_.push_back(rounded);
  if (top_ > peak_) peak_ = top_;
  return p;
}

int StackWorkspace::free(void *ptr) {
  if (sizes_.empty() || ptr != base_ + top_ - sizes_.back()) {
    ++lifo_errors_;
    return -1;
  }
  top_ -= sizes_.back();
  sizes_.pop_back();
  return 0;
}

extern "C" void *TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes,
                                          int dtype_code_hint, int dtype_bits_hint) {
  (void)device_type;
  (void)device_id;
  (void)dtype_code_hint;
  (void)dtype_bits_hint;
  return g_current ? g_current->alloc(nbytes) : nullptr;
}

extern "C" int TVMBackendFreeWorkspace(int device_type, int device_id, void *ptr) {
  (void)device_type;
  (void)device_id;
  return g_current ? g_current->free(ptr) : -1;
}
