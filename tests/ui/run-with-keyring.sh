#!/bin/sh
# Runs a command against a real secret service without a desktop: a private D-Bus session
# (dbus-run-session) with gnome-keyring-daemon's secrets component, its login keyring unlocked with a
# throwaway password, in a throwaway HOME and XDG_RUNTIME_DIR that are removed afterwards.
# Usage: run-with-keyring.sh COMMAND [ARGS...]   (exit status: the command's)
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-with-keyring: $tool is not installed (packages dbus-daemon, gnome-keyring)" >&2
    exit 1
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/countersign-keyring.XXXXXXXX")
chmod 700 "$scratch"
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 700 "$scratch/home" "$scratch/runtime"

HOME=$scratch/home
XDG_RUNTIME_DIR=$scratch/runtime
COUNTERSIGN_KEYRING_HOME=$scratch/home
export HOME XDG_RUNTIME_DIR COUNTERSIGN_KEYRING_HOME
# Everything derives from the throwaway HOME; no desktop hint steers QtKeychain to KWallet.
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_CURRENT_DESKTOP DESKTOP_SESSION \
      KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS || true

status=0
dbus-run-session -- sh -c 'printf %s pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
  sh "$@" || status=$?
exit "$status"
