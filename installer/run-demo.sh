#!/bin/bash
# The README's first command: install what is missing, build, start the terminal on the demo branch.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh"
app=("$root/build/app/countersign" --demo "$@")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "${app[@]}"
fi
echo "run-demo: no display; starting under xvfb-run (log in as teller1 / demo-pass-1)"
exec xvfb-run -a -s "-screen 0 1280x800x24" "${app[@]}"
