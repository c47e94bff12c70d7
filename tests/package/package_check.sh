#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# package_check.sh BUILD_DIR — the Debian packages cpack makes from this build (cmake/TvmcrtPackage.cmake):
# what each holds, what it depends on, and lintian's verdict (no errors). The full proof — apt
# installing them on a clean Debian 12 and using them — is scripts/package-test (docs/packaging.md).
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; exit 1; }
run=$(ls "$work"/tvmcrt_*.deb) dev=$(ls "$work"/tvmcrt-dev_*.deb)
fail() { echo "FAIL: $*" >&2; exit 1; }
# (The listing is read whole first: grep -q stopping early would give dpkg-deb a SIGPIPE.)
list_run=$(dpkg-deb -c "$run" | awk '{print $6}') list_dev=$(dpkg-deb -c "$dev" | awk '{print $6}')
has() {
  local listing
  if [[ $1 == "$run" ]]; then listing=$list_run; else listing=$list_dev; fi
  grep -qx "./$2" <<<"$listing" || fail "$(basename "$1") has no /$2"
}
for f in usr/bin/tvmcrt-host usr/bin/tvmcrt-import usr/bin/tvmcrt-device usr/lib/tvmcrt/firmware/tvmcrt-fw.elf \
         usr/lib/tvmcrt/firmware/tvmcrt-fw-nucleo_f401re.bin usr/lib/tvmcrt/firmware/tvmcrt-echo-nucleo_f401re.elf \
         usr/lib/tvmcrt/firmware/tvmcrt-fw-nucleo_l4r5zi.elf \
         usr/share/man/man1/tvmcrt-host.1.gz usr/share/man/man1/tvmcrt-import.1.gz usr/share/man/man1/tvmcrt-device.1.gz \
         usr/share/bash-completion/completions/tvmcrt-host usr/share/doc/tvmcrt/copyright usr/share/doc/tvmcrt/changelog.gz; do
  has "$run" "$f"
done
for f in usr/lib/cmake/tvmcrt/tvmcrtConfig.cmake usr/lib/cmake/tvmcrt/tvmcrtConfigVersion.cmake usr/lib/libtvmcrt_host.a \
         usr/include/tvmcrt/host/device.hpp usr/lib/pkgconfig/tvmcrt-host.pc usr/share/tvmcrt/source/runtime/CMakeLists.txt \
         usr/share/tvmcrt/source/nanopb/pb_decode.c usr/share/tvmcrt/scripts/build-model usr/share/doc/tvmcrt-dev/copyright \
         usr/include/tvmcrt/agent/tvmcrt_agent_errors.h usr/share/tvmcrt/source/proto/errors/tvmcrt_agent_texts.h; do
  has "$dev" "$f"
done
# Nothing of one package in the other (apt would refuse to install both).
overlap=$(comm -12 <(dpkg-deb -c "$run" | awk '$1 !~ /^d/ {print $6}' | sort) <(dpkg-deb -c "$dev" | awk '$1 !~ /^d/ {print $6}' | sort))
[[ -z $overlap ]] || fail "files in both packages: $overlap"
depends=$(dpkg-deb -f "$run" Depends)
for d in libprotobuf32 libzip4 libstdc++6; do [[ $depends == *"$d"* ]] || fail "tvmcrt does not depend on $d: $depends"; done
[[ $(dpkg-deb -f "$dev" Depends) == *"tvmcrt (= "* ]] || fail "tvmcrt-dev does not depend on its tvmcrt"
echo "tvmcrt: $(dpkg-deb -c "$run" | wc -l) entries, Depends: $depends"
echo "tvmcrt-dev: $(dpkg-deb -c "$dev" | wc -l) entries, Depends: $(dpkg-deb -f "$dev" Depends)"
if command -v lintian >/dev/null; then
  lintian --allow-root "$run" "$dev" >"$work/lintian.txt" 2>&1 || true
  errors=$(grep -c '^E:' "$work/lintian.txt" || true) warnings=$(grep -c '^W:' "$work/lintian.txt" || true)
  echo "lintian: $errors errors, $warnings warnings"
  cat "$work/lintian.txt"
  [[ $errors -eq 0 ]] || fail "lintian reports errors"
else
  echo "lintian not installed (scripts/setup installs it): not run"
fi
echo "package_check: PASSED"
