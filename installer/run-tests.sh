#!/bin/bash
# The README's second command: install what is missing, build with warnings as errors, start a
# throwaway PostgreSQL, run every test on SQLite and PostgreSQL, check the .deb, stop the server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh" -DCOUNTERSIGN_WERROR=ON

pgdir=$(mktemp -d /tmp/countersign-pg.XXXXXX)
trap 'bash "$root/installer/pg-test-server.sh" stop "$pgdir"' EXIT
# When the server cannot start the PostgreSQL tests fail (they need COUNTERSIGN_TEST_PG_URL); they never skip.
if url=$(bash "$root/installer/pg-test-server.sh" start "$pgdir"); then
  export COUNTERSIGN_TEST_PG_URL=$url
  echo "run-tests: PostgreSQL test server on port $(cat "$pgdir/port")"
else
  echo "run-tests: PostgreSQL did not start; its tests will fail" >&2
fi

status=0
ctest --test-dir "$root/build" --output-on-failure -j2 --timeout 900 || status=$?

# The package builds and its dependencies resolve on this machine.
(cd "$root/build" && cpack -G DEB -B "$root/build/package" >/dev/null) || { echo "run-tests: cpack failed" >&2; status=1; }
deb=$(ls "$root"/build/package/countersign_*.deb 2>/dev/null | head -n 1)
if [ -n "$deb" ]; then
  contents=$(dpkg-deb --contents "$deb")   # not piped into grep -q: pipefail would see dpkg-deb's SIGPIPE
  for f in ./usr/bin/countersign ./usr/bin/countersign-batch ./usr/share/applications/countersign.desktop \
           ./usr/share/icons/hicolor/scalable/apps/countersign.svg; do
    grep -qF " $f" <<<"$contents" || { echo "run-tests: package lacks $f" >&2; status=1; }
  done
  apt-get install -s -qq "$deb" >/dev/null || { echo "run-tests: package dependencies do not resolve" >&2; status=1; }
  echo "run-tests: package $(basename "$deb") checked"
else
  status=1
fi
exit $status
