// SPDX-License-Identifier: Apache-2.0
// host_text.hpp — the runtime's last error as tvmcrt-host writes it from the numbers the agent
// sends (TVMCrtLastErrorText() -> wire::ErrorText -> error_text()), for the runtime tests to hold
// against TVMGetLastError(): the same sentence, word for word, for every error they provoke.
#pragma once

#include <string>

#include "error_text.hpp"
#include "tvmcrt/tvmcrt_text.h"

inline std::string host_text(const TVMCrtErrorText &e) {
  tvmcrt::wire::ErrorText w;
  w.set_text(e.text);
  for (std::uint32_t i = 0; i < TVMCRT_TEXT_COUNT(e.text); ++i) {
    if (TVMCRT_TEXT_KIND(e.text, i) == TVMCRT_TEXT_KIND_S)
      w.add_strings(e.args[i].s ? e.args[i].s : "(null)");
    else
      w.add_numbers(e.args[i].u);
  }
  return tvmcrt::host::error_text(w);
}
