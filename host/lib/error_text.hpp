// SPDX-License-Identifier: Apache-2.0
// error_text.hpp — the sentences of the agent's and the runtime's errors, written here from the
// numbers the device sends (wire::ErrorText): the device stores no sentences (deferred formatting,
// runtime/include/tvmcrt/tvmcrt_text.h). The rows come from proto/errors/tvmcrt_agent_texts.h and
// runtime/include/tvmcrt/tvmcrt_error_texts.h, the same tables the device's own texts use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tvmcrt.pb.h"

namespace tvmcrt::host {

struct TextRow {
  std::uint32_t code;  // the error code the sentence belongs to
  std::uint32_t id;    // number | argument count << 8 | kinds << 12, as on the wire
  const char *format;  // the runtime's printf subset: %s %u %d %x %%
};

// Every row of both tables, agent's first.
const std::vector<TextRow> &text_rows();

// The sentence for e. A row this host does not know, or one whose arguments differ from what the
// device sent (a firmware of another protocol version), gives a sentence that says so and shows
// the numbers and strings as they came: never a wrong sentence. "" when e carries no text.
std::string error_text(const wire::ErrorText &e);

// The name a T argument stands for: the request message of that MessageType ("HelloRequest").
const char *request_name(std::uint32_t type);

}  // namespace tvmcrt::host
