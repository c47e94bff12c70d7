#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tvmcrt-cc-hint.sh — compiler launcher for model sources (tvmcrt_add_model(), C_COMPILER_LAUNCHER):
#
#   sh tvmcrt-cc-hint.sh <compiler> <arguments...>
#
# Runs the compiler unchanged. When it fails on a call to a function no header declared (model
# sources are compiled with -Werror=implicit-function-declaration), adds a line naming the symbol and
# what gives it: for an Arm intrinsic the CMSIS folder to pass, else the include folder to add.
# docs/bring-your-own-model.md ("CMSIS-NN and other sources a model needs") says which CMSIS works.
log=$(mktemp) || exit 1
"$@" 2>"$log"
rc=$?
cat "$log" >&2
if [ "$rc" -ne 0 ]; then
  for sym in $(sed -n "s/.*implicit declaration of function .\([A-Za-z0-9_]*\).*/\1/p" "$log" | sort -u); do
    case "$sym" in
      __[A-Z]*)
        echo "tvmcrt: $sym is a CMSIS Core intrinsic (cmsis_gcc.h): give the model CMSIS Core's folder," \
             "INCLUDE_DIRS <CMSIS_5 or CMSIS_6>/CMSIS/Core/Include (build-model --include-dir), and" \
             "CMSIS-DSP's Include for arm_math.h. CMSIS-NN 4.1 and later no longer bring it (they renamed" \
             "it without the underscores): with those, include CMSIS Core's folder too." >&2 ;;
      __builtin_arm_*|__[a-z]*)
        echo "tvmcrt: $sym is an Arm ACLE intrinsic: it needs <arm_acle.h> and a core with the DSP" \
             "extension (the firmware builds for -mcpu=cortex-m4)." >&2 ;;
      read_and_pad*|arm_*)
        echo "tvmcrt: $sym comes from CMSIS-NN (arm_nnsupportfunctions.h; read_and_pad only for DSP" \
             "targets): give the model CMSIS-NN's Include folder (INCLUDE_DIRS, --include-dir) and, for" \
             "arm_* functions, its sources (SOURCES, --source)." >&2 ;;
      *)
        echo "tvmcrt: no header the model includes declares $sym(): add the folder of the one that" \
             "does (INCLUDE_DIRS of tvmcrt_add_model(), --include-dir of build-model)." >&2 ;;
    esac
  done
fi
rm -f "$log"
exit "$rc"
