#!/bin/sh
# Body of a codex_component coder_script. The Coder agent may run it with the user's login
# shell, so it is plain POSIX sh. It only unpacks the module's files and hands over to a
# bash script. Each bundle is base64 (an alphabet that needs no quoting) of one gzip stream
# in which every file starts with a line "#@codex-file <path>"; render.py fills in the two
# marked lines and nothing else.
set -eu
umask 077

# Everything after the unpacking is bash: say so in one line where there is none (Alpine
# and other minimal images ship only a POSIX sh).
if ! command -v bash >/dev/null 2>&1; then
  echo "codex: ERROR: this module needs bash, and there is none on PATH ($PATH): use a workspace image with bash (Alpine: apk add bash)" >&2
  exit 1
fi

CODEX_MODULE_DIR="$HOME/.codex-module" # @MODULE_DIR@
export CODEX_MODULE_DIR

# unpack BUNDLE: each step is checked on its own (POSIX sh has no pipefail), and a file is
# renamed into place only once the whole bundle has been split.
unpack() {
  bundle="$CODEX_MODULE_DIR/.bundle.$$"
  printf '%s' "$1" | base64 -d >"$bundle.gz"
  gzip -dc "$bundle.gz" >"$bundle"
  awk -v dir="$CODEX_MODULE_DIR" '
    /^#@codex-file / {
      if (out != "") close(out)
      name = substr($0, 14); out = dir "/" name ".tmp"; print name >(dir "/.bundle-names")
      printf "" >out
      next
    }
    { print >out }
  ' "$bundle"
  while IFS= read -r name; do
    mv -f "$CODEX_MODULE_DIR/$name.tmp" "$CODEX_MODULE_DIR/$name"
  done <"$CODEX_MODULE_DIR/.bundle-names"
  rm -f "$bundle" "$bundle.gz" "$CODEX_MODULE_DIR/.bundle-names"
}

mkdir -p "$CODEX_MODULE_DIR/scripts"
# @PAYLOAD@
exec bash "$CODEX_MODULE_DIR/scripts/$CODEX_ENTRY"
