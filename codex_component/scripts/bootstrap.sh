#!/bin/sh
# Body of a codex_component coder_script. The Coder agent may run it with the user's login
# shell, so it is plain POSIX sh. It only unpacks the module's files (gzip + base64: the
# alphabet needs no quoting and keeps the body small) and hands over to a bash script.
# codex_component/render.py replaces the two marked lines; nothing else is generated.
set -eu
umask 077

CODEX_MODULE_DIR="$HOME/.codex-module" # @MODULE_DIR@
export CODEX_MODULE_DIR

unpack() {
  mkdir -p "$(dirname "$CODEX_MODULE_DIR/$1")"
  printf '%s' "$2" | base64 -d | gzip -dc >"$CODEX_MODULE_DIR/$1.tmp"
  mv -f "$CODEX_MODULE_DIR/$1.tmp" "$CODEX_MODULE_DIR/$1"
}

mkdir -p "$CODEX_MODULE_DIR"
# @PAYLOAD@
exec bash "$CODEX_MODULE_DIR/scripts/$CODEX_ENTRY"
