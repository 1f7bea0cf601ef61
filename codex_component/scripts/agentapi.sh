#!/usr/bin/env bash
# Install, start and stop AgentAPI (spec 6.8, 6.9, 7). Sourced by start.sh and shutdown.sh
# after lib.sh; defines functions only.

AGENTAPI_PID_FILE_PATH="$CODEX_MODULE_DIR/agentapi.pid"
AGENTAPI_STATE_FILE_PATH="$CODEX_MODULE_DIR/agentapi-state.json"
# The first AgentAPI release that saves and restores its state.
AGENTAPI_STATE_MIN_VERSION="0.12.0"
AGENTAPI_TERM_WIDTH=67
AGENTAPI_TERM_HEIGHT=1190
# Every process of this instance carries NAME=<module dir> in its environment.
INSTANCE_MARKER_NAME=CODEX_COMPONENT_INSTANCE
# What `agentapi --version` printed, once known (install_agentapi sets it).
AGENTAPI_VERSION_TEXT=''

# What `agentapi --version` prints (empty when there is no agentapi or it fails).
agentapi_version_output() {
  command -v agentapi >/dev/null 2>&1 || return 0
  run_bounded 20 agentapi --version 2>/dev/null </dev/null || true
}

# agentapi_supports_state [VERSION_OUTPUT]: true when AgentAPI can persist its state: it
# reports 0.12.0 or newer, or a version that is not X.Y.Z (a development build).
# VERSION_OUTPUT is what `agentapi --version` printed (asked for when not given).
agentapi_supports_state() {
  local out=${1-} version
  [[ -n $out ]] || out=$(agentapi_version_output)
  [[ -n $out ]] || return 1
  version=$(version_in "$out")
  [[ -z $version ]] && return 0
  version_ge "$version" "$AGENTAPI_STATE_MIN_VERSION"
}

agentapi_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) printf 'amd64' ;;
    aarch64 | arm64) printf 'arm64' ;;
    *) return 1 ;;
  esac
}

# agentapi_download_url VERSION ARCH
agentapi_download_url() {
  if [[ $1 == latest ]]; then
    printf 'https://github.com/coder/agentapi/releases/latest/download/agentapi-linux-%s' "$2"
  else
    printf 'https://github.com/coder/agentapi/releases/download/%s/agentapi-linux-%s' "$1" "$2"
  fi
}

AGENTAPI_LATEST_URL="https://github.com/coder/agentapi/releases/latest"
AGENTAPI_LOOKUP_SECONDS=15
AGENTAPI_REMEDY="set install_agentapi = false and provide agentapi in the image"
AGENTAPI_INSTALL_LOG="$CODEX_MODULE_DIR/agentapi-install.log"

have_downloader() {
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1
}

# download_file URL DEST: with retries; curl, else wget.
download_file() {
  local url=$1 dest=$2
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 5 --retry-delay 2 --connect-timeout 20 -m 300 -o "$dest" "$url"
  elif command -v wget >/dev/null 2>&1; then
    wget -q --tries=5 --waitretry=2 --timeout=60 -O "$dest" "$url"
  else
    warn "neither curl nor wget is available"
    return 1
  fi
}

# agentapi_latest_tag: the tag of AgentAPI's latest release, from the Location of the
# redirect GitHub answers .../releases/latest with (one request, nothing downloaded,
# bounded by AGENTAPI_LOOKUP_SECONDS); fails when it cannot be had.
agentapi_latest_tag() {
  local out='' pattern='[Ll]ocation:[[:space:]]*[^[:space:]]*/releases/tag/(v[0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*)'
  if command -v curl >/dev/null 2>&1; then
    out=$(run_bounded "$AGENTAPI_LOOKUP_SECONDS" curl -sSI --connect-timeout 5 -m 10 \
      "$AGENTAPI_LATEST_URL" 2>/dev/null </dev/null) || return 1
  elif command -v wget >/dev/null 2>&1; then
    # wget shows the headers on stderr, and fails on the redirect it may not follow.
    out=$(run_bounded "$AGENTAPI_LOOKUP_SECONDS" wget -S -q --spider --max-redirect=0 \
      --tries=1 --timeout=10 "$AGENTAPI_LATEST_URL" 2>&1 </dev/null) || true
  else
    return 1
  fi
  [[ $out =~ $pattern ]] || return 1
  printf '%s' "${BASH_REMATCH[1]}"
}

# agentapi_is_current VERSION: true when the AgentAPI on PATH is VERSION (latest: the
# latest release's tag, looked up cheaply). When that lookup fails (offline), an
# installed AgentAPI is kept with a warning rather than failing the start.
agentapi_is_current() {
  local version=$1 current tag
  AGENTAPI_VERSION_TEXT=$(agentapi_version_output)
  current=$(version_in "$AGENTAPI_VERSION_TEXT")
  [[ -n $current ]] || return 1
  if [[ $version != latest ]]; then
    [[ $current == "${version#v}" ]] || return 1
    log "AgentAPI $version is already installed ($(command -v agentapi)); nothing to download"
    return 0
  fi
  if ! tag=$(agentapi_latest_tag); then
    warn "could not look up AgentAPI's latest release at $AGENTAPI_LATEST_URL (offline?): keeping the installed AgentAPI $current ($(command -v agentapi))"
    return 0
  fi
  if [[ ${tag#v} == "$current" ]]; then
    log "AgentAPI $current is installed and is the latest release; nothing to download"
    return 0
  fi
  log "The latest AgentAPI release is $tag (installed: $current)"
  return 1
}

# install_agentapi ENABLED VERSION: put the release binary on PATH, unless the requested
# version is there already (restarts download nothing).
install_agentapi() {
  local enabled=$1 version=$2 bin_dir='' dir arch url tmp i
  local -a dirs=()
  while IFS= read -r dir; do
    dirs+=("$dir")
  done < <(agentapi_bin_dirs)
  # Later entries first, so that the preferred folder ends up first on PATH.
  for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
    [[ ! -d ${dirs[i]} ]] || prepend_path "${dirs[i]}"
  done
  if ! is_true "$enabled"; then
    log "Skipping the AgentAPI install (install_agentapi = false)"
    command -v agentapi >/dev/null 2>&1 ||
      die "install_agentapi is false but there is no agentapi on PATH ($PATH)"
    AGENTAPI_VERSION_TEXT=$(agentapi_version_output)
    log "Using $(command -v agentapi): ${AGENTAPI_VERSION_TEXT:-version unknown}"
    return 0
  fi
  if agentapi_is_current "$version"; then
    return 0
  fi
  have_downloader ||
    die "neither curl nor wget is installed, and AgentAPI is downloaded with one of them: install curl or wget in the workspace image, or $AGENTAPI_REMEDY"
  arch=$(agentapi_arch) || die "AgentAPI has no release for this architecture ($(uname -m))"
  url=$(agentapi_download_url "$version" "$arch")
  for dir in "${dirs[@]}"; do
    if mkdir -p -- "$dir" 2>/dev/null && [[ -w $dir ]]; then
      bin_dir=$dir
      break
    fi
    warn "cannot write $dir; trying the next place for AgentAPI"
  done
  if [[ -n $bin_dir ]]; then
    log "Downloading AgentAPI $version into $bin_dir (output in $AGENTAPI_INSTALL_LOG)"
    tmp=$(mktemp "$bin_dir/.agentapi.XXXXXX") || die "cannot create a file in $bin_dir"
    if ! download_file "$url" "$tmp" 2>>"$AGENTAPI_INSTALL_LOG"; then
      rm -f -- "$tmp"
      die_with_log "$AGENTAPI_INSTALL_LOG" "downloading AgentAPI from $url failed: check the workspace's access to github.com and that agentapi_version exists, or $AGENTAPI_REMEDY"
    fi
    if ! chmod 755 "$tmp" || ! mv -f -- "$tmp" "$bin_dir/agentapi"; then
      rm -f -- "$tmp"
      die "cannot install AgentAPI into $bin_dir"
    fi
    prepend_path "$bin_dir"
    [[ $bin_dir != "$HOME/.local/bin" ]] || persist_on_path "$bin_dir"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    log "Cannot write ${dirs[*]}: downloading AgentAPI $version into /usr/local/bin with sudo"
    tmp=$(mktemp "$CODEX_MODULE_DIR/.agentapi.XXXXXX") || die "cannot create a temporary file"
    if ! download_file "$url" "$tmp" || ! sudo -n install -m 0755 "$tmp" /usr/local/bin/agentapi; then
      rm -f -- "$tmp"
      die "installing AgentAPI from $url into /usr/local/bin failed"
    fi
    rm -f -- "$tmp"
  else
    die "cannot write ${dirs[*]} to install AgentAPI, and sudo is not available: make one of them writable, or $AGENTAPI_REMEDY"
  fi
  hash -r
  command -v agentapi >/dev/null 2>&1 || die "AgentAPI is missing after the install (PATH=$PATH)"
  AGENTAPI_VERSION_TEXT=$(agentapi_version_output)
  log "AgentAPI installed: ${AGENTAPI_VERSION_TEXT:-version unknown}"
}

# process_group_of PID: the process group id of PID (empty when unknown).
process_group_of() {
  local stat
  local -a fields
  if [[ -r /proc/$1/stat ]] && IFS= read -r stat <"/proc/$1/stat" 2>/dev/null; then
    stat=${stat##*) }
    read -r -a fields <<<"$stat"
    printf '%s' "${fields[2]:-}"
  else
    ps -o pgid= -p "$1" 2>/dev/null | tr -d ' ' || true
  fi
}

# stop_agentapi PID SECONDS: SIGTERM, wait at most SECONDS, then SIGKILL. AgentAPI leads
# its own process group (it was started with setsid): what is left of the group (Codex) is
# sent SIGTERM too, and when AgentAPI had to be killed, the group gets 3 more seconds
# before SIGKILL (AgentAPI could not end Codex itself then).
stop_agentapi() {
  local pid=$1 seconds=$2 pgid tries=30
  pgid=$(process_group_of "$pid")
  [[ $pgid == "$pid" ]] || pgid=''
  kill -TERM "$pid" 2>/dev/null || true
  if wait_for_exit "$pid" "$seconds"; then
    log "AgentAPI (pid $pid) has exited"
    [[ -z $pgid ]] || kill -TERM -- "-$pgid" 2>/dev/null || true
    return 0
  fi
  warn "AgentAPI (pid $pid) did not exit within ${seconds}s of SIGTERM; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait_for_exit "$pid" 2 || warn "AgentAPI (pid $pid) is still there after SIGKILL"
  if [[ -n $pgid ]] && kill -TERM -- "-$pgid" 2>/dev/null; then
    while ((tries-- > 0)) && kill -0 -- "-$pgid" 2>/dev/null; do
      sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
}

# process_has_env PID ENTRY: PID's environment holds ENTRY ("NAME=value") exactly.
process_has_env() {
  local entry
  [[ -r /proc/$1/environ ]] || return 1
  while IFS= read -r -d '' entry; do
    [[ $entry == "$2" ]] && return 0
  done 2>/dev/null <"/proc/$1/environ"
  return 1
}

# instance_pids: the live processes that carry this instance's marker (AgentAPI, Codex and
# whatever Codex started, such as 0.169's app-server daemon and its update loop, which
# leave AgentAPI's process group), one per line; never this script itself.
instance_pids() {
  local dir pid
  [[ -d /proc ]] || return 0
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid != "$$" && $pid != "$BASHPID" ]] || continue
    if process_has_env "$pid" "$INSTANCE_MARKER_NAME=$CODEX_MODULE_DIR" && process_alive "$pid"; then
      printf '%s\n' "$pid"
    fi
  done
}

# stop_instance_processes SECONDS: SIGTERM every process of this instance still running,
# wait at most SECONDS, then SIGKILL what is left. By pid, found by the marker, never by name.
stop_instance_processes() {
  local seconds=$1 tries
  local -a pids=()
  mapfile -t pids < <(instance_pids)
  ((${#pids[@]} > 0)) || return 0
  log "Stopping what this instance's Codex left running (pids ${pids[*]})"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  tries=$((seconds * 10))
  while ((tries-- > 0)); do
    mapfile -t pids < <(instance_pids)
    ((${#pids[@]} > 0)) || return 0
    sleep 0.1
  done
  warn "still running after ${seconds}s: pids ${pids[*]}; sending SIGKILL"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

# running_agentapi_pid: the pid from AgentAPI's pid file when that process is AgentAPI.
running_agentapi_pid() {
  local pid
  pid=$(read_pid_file "$AGENTAPI_PID_FILE_PATH") || return 1
  is_agentapi_process "$pid" || return 1
  printf '%s' "$pid"
}

# stop_previous_agentapi: a start while the AgentAPI of an earlier start still runs (the
# agent restarted, say) replaces it instead of failing on the taken port.
stop_previous_agentapi() {
  local old
  if old=$(running_agentapi_pid); then
    log "Stopping the AgentAPI left from an earlier start (pid $old)"
    stop_agentapi "$old" 10
  fi
  stop_instance_processes 5
}

# launch_agentapi PORT WORKDIR CHAT_BASE_PATH PERSIST LOG_FILE CODEX_ARG...: start
# `agentapi server ... -- codex CODEX_ARG...` in WORKDIR, in its own session and process
# group, detached from this script; sets AGENTAPI_PID.
launch_agentapi() {
  local port=$1 workdir=$2 base_path=$3 persist=$4 log_file=$5
  shift 5
  # The marker lets the stop script find what this instance left running (see below).
  local -a env_vars=("AGENTAPI_ALLOWED_HOSTS=*" "AGENTAPI_PID_FILE=$AGENTAPI_PID_FILE_PATH"
    "$INSTANCE_MARKER_NAME=$CODEX_MODULE_DIR")
  local -a launcher=()
  if [[ -n $base_path ]]; then
    env_vars+=("AGENTAPI_CHAT_BASE_PATH=$base_path")
  fi
  if is_true "$persist"; then
    if agentapi_supports_state "${AGENTAPI_VERSION_TEXT:-}"; then
      env_vars+=(
        "AGENTAPI_STATE_FILE=$AGENTAPI_STATE_FILE_PATH"
        "AGENTAPI_SAVE_STATE=true"
        "AGENTAPI_LOAD_STATE=true"
      )
      log "AgentAPI state persistence: on ($AGENTAPI_STATE_FILE_PATH)"
    else
      warn "state persistence needs AgentAPI $AGENTAPI_STATE_MIN_VERSION or newer, this one reports '${AGENTAPI_VERSION_TEXT:-nothing}': starting without it"
    fi
  else
    log "AgentAPI state persistence: off"
  fi
  if command -v setsid >/dev/null 2>&1; then
    launcher=(setsid)
  else
    warn "setsid is missing: AgentAPI shares this script's process group"
  fi
  rm -f -- "$AGENTAPI_PID_FILE_PATH"
  (
    cd -- "$workdir" || exit 1
    export "${env_vars[@]}"
    exec "${launcher[@]}" agentapi server --type codex --port "$port" \
      --term-width "$AGENTAPI_TERM_WIDTH" --term-height "$AGENTAPI_TERM_HEIGHT" -- codex "$@"
  ) </dev/null >"$log_file" 2>&1 &
  AGENTAPI_PID=$!
  # A background child of a script is no group leader, so setsid ran in place: $! is
  # AgentAPI itself. Written here too for AgentAPI versions that ignore AGENTAPI_PID_FILE.
  printf '%s\n' "$AGENTAPI_PID" >"$AGENTAPI_PID_FILE_PATH"
}
