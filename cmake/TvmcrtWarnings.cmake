# SPDX-License-Identifier: Apache-2.0
# Strict warnings for our own code. Applied per target (tvmcrt_strict_warnings(tgt)) so that
# TVM-generated model sources, which carry known warnings (mismatched pool pointer types), are not
# built with -Werror.
function(tvmcrt_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror
    $<$<COMPILE_LANGUAGE:C>:-Wstrict-prototypes -Wmissing-prototypes>)
endfunction()
