#!/usr/bin/env bash
# Shared helpers of the codex_component workspace scripts. Sourced, never run.
#
# The arguments file: the contract with the Python side (codex_component/render.py)
# ----------------------------------------------------------------------------------
# bootstrap.sh unpacks every script into "$CODEX_MODULE_DIR/scripts/" and the arguments of
# the entry script <stem>.sh into "$CODEX_MODULE_DIR/<stem>.args", then runs the entry with
# bash and CODEX_MODULE_DIR exported. The arguments file holds one line per argument:
#
#     ARG_NAME=<base64 of the UTF-8 value>
#
# NAME matches ^ARG_[A-Z][A-Z0-9_]*$. A value may hold any text: quotes, $(...), backticks,
# newlines (trailing ones too), unicode, leading dashes. load_args decodes each line into
# the shell variable of that name with printf -v: no value is ever evaluated as code or
# pasted into code, and values are never exported. Booleans are the strings true / false.
#
# start.args:    ARG_WORKDIR ARG_CODEX_HOME ARG_INSTALL_CODEX ARG_CODEX_VERSION ARG_CODEX_MODEL
#                ARG_ENABLE_AIBRIDGE ARG_REPORT_TASKS ARG_CONTINUE ARG_TASK_PROMPT
#                ARG_CODEX_PROFILE_NAME ARG_CODEX_PROFILE ARG_CODEX_PROFILE_COMPAT
#                ARG_CODEX_BLOCK ARG_CODEX_OVERRIDES ARG_CODEX_RUN_MODEL ARG_CODEX_SANDBOX_MODE
#                ARG_SYSTEM_PROMPT ARG_PRE_INSTALL_SCRIPT
#                ARG_POST_INSTALL_SCRIPT ARG_INSTALL_AGENTAPI ARG_AGENTAPI_VERSION
#                ARG_AGENTAPI_PORT ARG_CHAT_BASE_PATH ARG_ENABLE_STATE_PERSISTENCE
# shutdown.args: ARG_AGENTAPI_PORT ARG_TASK_ID ARG_ENABLE_STATE_PERSISTENCE
#
# ARG_CODEX_HOME is the name of the instance's Codex home under $HOME (.codex, or
# .codex-<port> for an instance on another port than 3284); CODEX_MODULE_DIR is likewise
# ~/.codex-module or ~/.codex-module-<port>. Two instances never share a file.
#
# Secrets (OPENAI_API_KEY, CODER_AGENT_TOKEN, CODER_AIBRIDGE_SESSION_TOKEN) come from the
# environment only; no helper here prints them or puts them on a command line.

CODEX_LOG_TAG="codex"

log() {
  printf '%(%Y-%m-%dT%H:%M:%S)T %s: %s\n' -1 "$CODEX_LOG_TAG" "$*"
}

warn() {
  printf '%(%Y-%m-%dT%H:%M:%S)T %s: WARNING: %s\n' -1 "$CODEX_LOG_TAG" "$*" >&2
}

die() {
  # In a background step (jobs.sh) the reason goes to the step's file: the start script
  # reports it as its own last line.
  if [[ -n ${CODEX_JOB_REASON_FILE:-} ]]; then
    printf '%s\n' "$*" >"$CODEX_JOB_REASON_FILE"
    exit 1
  fi
  # The entry script may clean up first (start.sh stops what a failed start launched).
  if declare -F on_die >/dev/null; then
    on_die || true
  fi
  printf '%(%Y-%m-%dT%H:%M:%S)T %s: ERROR: %s\n' -1 "$CODEX_LOG_TAG" "$*" >&2
  exit 1
}

# Print the last lines of a log file (indented) to stderr, for error messages.
log_tail() {
  local file=$1 lines=${2:-20}
  if [[ -s $file ]]; then
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file" >&2
    tail -n "$lines" -- "$file" | sed 's/^/    /' >&2 || true
    printf -- '--- end of %s ---\n' "$file" >&2
  else
    printf -- '(%s is empty or missing)\n' "$file" >&2
  fi
}

# die with the tail of a log file, then the message: the last line of the script's
# output always says what failed and what to do.
die_with_log() {
  local file=$1
  shift
  log_tail "$file"
  die "$*"
}

# load_args FILE: set one shell variable per "ARG_NAME=<base64>" line, without eval.
load_args() {
  local file=$1 line name encoded value number=0
  [[ -f $file && -r $file ]] || die "arguments file $file is missing or unreadable"
  while IFS= read -r line || [[ -n $line ]]; do
    number=$((number + 1))
    [[ -z $line ]] && continue
    [[ $line == *=* ]] || die "$file line $number: expected ARG_NAME=<base64>"
    name=${line%%=*}
    encoded=${line#*=}
    [[ $name =~ ^ARG_[A-Z][A-Z0-9_]*$ ]] || die "$file line $number: bad argument name"
    [[ $encoded =~ ^[A-Za-z0-9+/]*=*$ ]] || die "$file line $number ($name): not base64"
    # The sentinel keeps trailing newlines that command substitution would strip.
    value=$(printf '%s' "$encoded" | base64 -d && printf '.') ||
      die "$file line $number ($name): base64 decoding failed"
    printf -v "$name" '%s' "${value%.}"
  done <"$file"
}

# require_args NAME...: fail unless every named argument was loaded.
require_args() {
  local name missing=()
  for name in "$@"; do
    [[ -v $name ]] || missing+=("$name")
  done
  ((${#missing[@]} == 0)) || die "arguments missing from the arguments file: ${missing[*]}"
}

is_true() {
  [[ $1 == true ]]
}

# quote_string VALUE: VALUE as a double-quoted string that is both a TOML basic string and
# a JSON string (escapes \ and " and control characters, like config_toml.toml_string).
quote_string() {
  local LC_ALL=C
  local s=$1 out='' c i
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  if [[ $s == *[[:cntrl:]]* ]]; then
    for ((i = 0; i < ${#s}; i++)); do
      c=${s:i:1}
      case $c in
        $'\b') out+='\b' ;;
        $'\t') out+='\t' ;;
        $'\n') out+='\n' ;;
        $'\f') out+='\f' ;;
        $'\r') out+='\r' ;;
        [[:cntrl:]])
          printf -v c '\\u%04x' "'$c"
          out+=$c
          ;;
        *) out+=$c ;;
      esac
    done
    s=$out
  fi
  printf '"%s"' "$s"
}

# read_file_exact FILE VAR: the whole file into VAR, trailing newlines included.
read_file_exact() {
  local __content
  __content=$(cat -- "$1" && printf '.') || return 1
  printf -v "$2" '%s' "${__content%.}"
}

# write_file_atomic PATH MODE: write stdin to PATH through a temporary file in the same
# folder that is mode 0600 from its creation, then chmod MODE and rename over PATH. A
# reader never sees a partial file, and a secret never sits in a readable file.
write_file_atomic() {
  local path=$1 mode=$2 tmp
  tmp=$(umask 077 && mktemp "$(dirname -- "$path")/.$(basename -- "$path").XXXXXX") ||
    die "cannot create a temporary file next to $path"
  if ! cat >"$tmp" || ! chmod "$mode" "$tmp" || ! mv -f -- "$tmp" "$path"; then
    rm -f -- "$tmp"
    die "cannot write $path"
  fi
}

# run_bounded SECONDS COMMAND...: run COMMAND, killed after SECONDS when timeout exists.
run_bounded() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$seconds" "$@"
  else
    "$@"
  fi
}

# version_in TEXT: the first X.Y.Z in TEXT (empty when there is none).
version_in() {
  if [[ $1 =~ ([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
    printf '%s' "${BASH_REMATCH[0]}"
  fi
}

# version_ge A B: true when version A (X.Y.Z) >= version B (X.Y.Z).
version_ge() {
  local -a a b
  local i
  IFS=. read -r -a a <<<"$1"
  IFS=. read -r -a b <<<"$2"
  for i in 0 1 2; do
    ((10#${a[i]:-0} > 10#${b[i]:-0})) && return 0
    ((10#${a[i]:-0} < 10#${b[i]:-0})) && return 1
  done
  return 0
}

# prepend_path DIR: put DIR first on PATH for this run (once).
prepend_path() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
  export PATH
}

# persist_on_path DIR: one line in ~/.bashrc that puts DIR (under HOME) on the user's PATH.
persist_on_path() {
  local line
  # shellcheck disable=SC2016 # expanded by the user's shell, not here
  line='export PATH="$HOME/'"${1#"$HOME"/}"':$PATH" # added by codex_component'
  if [[ ! -f $HOME/.bashrc ]] || ! grep -qxF -- "$line" "$HOME/.bashrc"; then
    printf '%s\n' "$line" >>"$HOME/.bashrc"
    log "Added $1 to PATH in ~/.bashrc"
  fi
}

# agentapi_bin_dirs: where the start script may install AgentAPI without sudo, in order
# of preference, one per line: the agent's CODER_SCRIPT_BIN_DIR (on PATH for every
# script) when set, then ~/.local/bin (put on PATH, and in ~/.bashrc once).
agentapi_bin_dirs() {
  if [[ -n ${CODER_SCRIPT_BIN_DIR:-} ]]; then
    printf '%s\n' "$CODER_SCRIPT_BIN_DIR"
  fi
  printf '%s\n' "$HOME/.local/bin"
}


# http_ok URL_PATH PORT: true when http://localhost:PORT/URL_PATH answers 2xx within 2 s.
http_ok() {
  local path=$1 port=$2 status
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -m 2 -o /dev/null "http://localhost:$port$path" 2>/dev/null
    return
  fi
  # No curl: a minimal HTTP/1.0 request over bash's /dev/tcp.
  status=$(
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\n\r\n' "$path" "$port" >&3
    IFS= read -r -t 2 line <&3 || exit 1
    printf '%s' "$line"
  ) 2>/dev/null || return 1
  [[ $status =~ ^HTTP/1\.[01]\ 2[0-9][0-9] ]]
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT (bounded: 3 s).
port_in_use() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  run_bounded 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# process_alive PID: the process exists and has not exited (a zombie counts as gone: an
# orphan's parent may be slow to reap it).
process_alive() {
  local stat=''
  kill -0 "$1" 2>/dev/null || return 1
  if [[ -r /proc/$1/stat ]] && IFS= read -r stat <"/proc/$1/stat" 2>/dev/null; then
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]] || return 1
  fi
  return 0
}

# process_start_time PID: when PID started (clock ticks since boot, from /proc), empty when
# unknown. With the pid it names one process: a reused pid has another start time.
process_start_time() {
  local stat=''
  local -a fields
  if [[ -r /proc/$1/stat ]] && IFS= read -r stat <"/proc/$1/stat" 2>/dev/null; then
    read -r -a fields <<<"${stat##*) }"
    printf '%s' "${fields[19]:-}"
  fi
}

# is_agentapi_process PID: PID runs an AgentAPI server (checked through /proc when there
# is one, so that a stale pid file never gets an unrelated process signalled).
is_agentapi_process() {
  local pid=$1 cmdline
  process_alive "$pid" || return 1
  [[ -r /proc/$pid/cmdline ]] || return 0
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *agentapi* && $cmdline == *server* ]]
}

# read_pid_file FILE: print the pid in FILE when it is a number.
read_pid_file() {
  local pid=''
  [[ -r $1 ]] || return 1
  IFS= read -r pid <"$1" || [[ -n $pid ]] || return 1
  pid=${pid//[[:space:]]/}
  [[ $pid =~ ^[1-9][0-9]*$ ]] || return 1
  printf '%s' "$pid"
}

# wait_for_exit PID SECONDS: poll until PID is gone; false when it outlives SECONDS.
wait_for_exit() {
  local pid=$1 tries=$(($2 * 10))
  while ((tries-- > 0)); do
    process_alive "$pid" || return 0
    sleep 0.1
  done
  ! process_alive "$pid"
}
