#!/usr/bin/env bash
# Codex session tracking for continue_session (spec 6.9). Sourced after lib.sh; defines
# functions only.
#
# The tracking file holds one line "<workdir>|<session id>" per workdir. The id is what
# follows the last "|"; the workdir is compared as a fixed string.

SESSION_TRACKING_FILE="$CODEX_MODULE_DIR/.codex-task-session"
# Codex keeps its sessions in $CODEX_HOME (start.sh exports it for this instance).
CODEX_SESSIONS_DIR="${CODEX_HOME:-$HOME/.codex}/sessions"

valid_session_id() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]
}

# tracked_session_id WORKDIR: the id recorded for WORKDIR (the last such line wins).
tracked_session_id() {
  local workdir=$1 line id=''
  [[ -f $SESSION_TRACKING_FILE ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line == *'|'* ]] || continue
    [[ ${line%'|'*} == "$workdir" ]] || continue
    id=${line##*'|'}
  done <"$SESSION_TRACKING_FILE"
  [[ -n $id ]] || return 1
  if ! valid_session_id "$id"; then
    warn "ignoring the malformed session id recorded for $workdir in $SESSION_TRACKING_FILE"
    return 1
  fi
  printf '%s' "$id"
}

# record_session WORKDIR ID: replace WORKDIR's line in the tracking file.
record_session() {
  {
    tracking_lines_except "$1"
    printf '%s|%s\n' "$1" "$2"
  } | write_file_atomic "$SESSION_TRACKING_FILE" 600
}

# session_id_for_cwd FILE CWD1 CWD2: the session id in FILE's first line when that line is
# Codex's {"type":"session_meta","payload":{"id":...,"cwd":...}} record and cwd is CWD1 or
# CWD2 (exact strings). jq, else python3, else plain bash on Codex's compact JSON.
session_id_for_cwd() {
  local file=$1 cwd1=$2 cwd2=$3 first='' id='' rest
  IFS= read -r first <"$file" 2>/dev/null || [[ -n $first ]] || return 1
  if command -v jq >/dev/null 2>&1; then
    id=$(printf '%s\n' "$first" | jq -r --arg a "$cwd1" --arg b "$cwd2" '
      select(type == "object" and .type == "session_meta" and (.payload | type) == "object")
      | .payload
      | select(.cwd == $a or .cwd == $b)
      | .id | strings' 2>/dev/null) || return 1
  elif command -v python3 >/dev/null 2>&1; then
    id=$(printf '%s\n' "$first" | python3 -c '
import json, sys
try:
    record = json.loads(sys.stdin.readline())
except ValueError:
    sys.exit(1)
if not isinstance(record, dict):
    sys.exit(1)
payload = record.get("payload")
if record.get("type") == "session_meta" and isinstance(payload, dict):
    if payload.get("cwd") in sys.argv[1:] and isinstance(payload.get("id"), str):
        print(payload["id"])
' "$cwd1" "$cwd2" 2>/dev/null) || return 1
  else
    id=$(session_meta_id_bash "$first" "$cwd1" "$cwd2") || return 1
  fi
  valid_session_id "$id" || return 1
  printf '%s' "$id"
}

# session_meta_id_bash LINE CWD1 CWD2: session_id_for_cwd in plain bash, for Codex's compact
# JSON: 0.58 writes {"timestamp":..,"type":"session_meta","payload":{"id":"<id>",..,"cwd":..}},
# 0.169 {"timestamp":..,"ordinal":0,"type":"session_meta","payload":{"account_scoped":true,
# "session_id":"<id>","id":"<id>",..,"cwd":..}}: "id" is a key of payload wherever it sits
# (the first one after "payload":{ that is not part of a longer key such as "session_id").
session_meta_id_bash() {
  local first=$1 cwd1=$2 cwd2=$3 payload
  [[ $first == *'"type":"session_meta"'* ]] || return 1
  payload=${first#*'"payload":{'}
  [[ $payload != "$first" ]] || return 1
  [[ $payload == *'"cwd":'"$(quote_string "$cwd1")"[,\}]* ||
    $payload == *'"cwd":'"$(quote_string "$cwd2")"[,\}]* ]] || return 1
  [[ ",$payload" =~ [,{]\"id\":\"([^\"]+)\" ]] || return 1
  printf '%s' "${BASH_REMATCH[1]}"
}

# physical_dir DIR: DIR with symlinks resolved, as Codex records its working directory (DIR
# itself when it cannot be resolved).
physical_dir() {
  (cd -- "$1" 2>/dev/null && pwd -P) || printf '%s' "$1"
}

# session_file_of ID WORKDIR: the session file of ID for WORKDIR, if Codex still has it: a
# rollout-*-<ID>.jsonl whose first line names ID and WORKDIR (or its physical path).
session_file_of() {
  local id=$1 workdir=$2 physical file
  [[ -d $CODEX_SESSIONS_DIR ]] || return 1
  physical=$(physical_dir "$workdir")
  while IFS= read -r -d '' file; do
    if [[ $(session_id_for_cwd "$file" "$workdir" "$physical") == "$id" ]]; then
      printf '%s' "$file"
      return 0
    fi
  done < <(find "$CODEX_SESSIONS_DIR" -type f -name "rollout-*-$id.jsonl" -print0 2>/dev/null)
  return 1
}

# resumable_session_id WORKDIR: the tracked id of WORKDIR when Codex can resume it; a
# tracked id whose session is gone is dropped with a warning (`codex resume <id>` would
# exit 1 and fail the start) and the start begins a new session.
resumable_session_id() {
  local workdir=$1 id
  id=$(tracked_session_id "$workdir") || return 1
  if session_file_of "$id" "$workdir" >/dev/null; then
    printf '%s' "$id"
    return 0
  fi
  warn "the recorded Codex session $id of $workdir is gone (no session file for it in $CODEX_SESSIONS_DIR): starting a new session instead"
  forget_session "$workdir"
  return 1
}

# tracking_lines_except WORKDIR: the tracking file's lines of every other workdir.
tracking_lines_except() {
  local workdir=$1 line
  [[ -f $SESSION_TRACKING_FILE ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ -n $line && ! ($line == *'|'* && ${line%'|'*} == "$workdir") ]]; then
      printf '%s\n' "$line"
    fi
  done <"$SESSION_TRACKING_FILE"
}

# forget_session WORKDIR: drop WORKDIR's line from the tracking file.
forget_session() {
  [[ -f $SESSION_TRACKING_FILE ]] || return 0
  tracking_lines_except "$1" | write_file_atomic "$SESSION_TRACKING_FILE" 600
}

# list_session_files: every Codex session file there is now, NUL-separated.
list_session_files() {
  [[ -d $CODEX_SESSIONS_DIR ]] || return 0
  find "$CODEX_SESSIONS_DIR" -type f -name '*.jsonl' -print0 2>/dev/null || true
}

# newest_session_id WORKDIR MARKER BEFORE: the id of the newest session file of WORKDIR
# that was created after the launch: modified after the file MARKER was touched and not
# listed in BEFORE (the list_session_files output from just before the launch; an older
# session that Codex appends to is newer than MARKER but is in that list).
newest_session_id() {
  local workdir=$1 marker=$2 before=$3 physical file id best='' best_id=''
  local -A existed=()
  [[ -d $CODEX_SESSIONS_DIR ]] || return 1
  if [[ -s $before ]]; then
    while IFS= read -r -d '' file; do
      existed[$file]=1
    done <"$before"
  fi
  physical=$(physical_dir "$workdir")
  while IFS= read -r -d '' file; do
    [[ -z ${existed[$file]:-} ]] || continue
    id=$(session_id_for_cwd "$file" "$workdir" "$physical") || continue
    if [[ -z $best || $file -nt $best ]]; then
      best=$file
      best_id=$id
    fi
  done < <(find "$CODEX_SESSIONS_DIR" -type f -name '*.jsonl' -newer "$marker" -print0 2>/dev/null)
  [[ -n $best_id ]] || return 1
  printf '%s' "$best_id"
}

# capture_session WORKDIR MARKER BEFORE AGENTAPI_PID: watch for the session Codex creates
# after the launch (see newest_session_id) for as long as that AgentAPI lives, and record
# it for WORKDIR. Without a task prompt Codex writes its session file only when the first
# message is sent, which may be hours later: the watch polls every 0.25 s for the first
# 15 s, then every 2 s (one `find` each), and ends with AgentAPI.
capture_session() {
  local workdir=$1 marker=$2 before=$3 agentapi_pid=$4 id fast_until started
  fast_until=$((SECONDS + 15))
  started=$(process_start_time "$agentapi_pid")
  while :; do
    if id=$(newest_session_id "$workdir" "$marker" "$before"); then
      record_session "$workdir" "$id"
      log "Recorded Codex session $id for $workdir in $SESSION_TRACKING_FILE"
      return 0
    fi
    # That process, not just any with its pid: a reused pid must not keep the watch going.
    if ! process_alive "$agentapi_pid" ||
      [[ $(process_start_time "$agentapi_pid") != "$started" ]]; then
      log "AgentAPI (pid $agentapi_pid) has stopped before Codex wrote a session for $workdir: nothing to record"
      return 1
    fi
    if ((SECONDS < fast_until)); then
      sleep 0.25
    else
      sleep 2
    fi
  done
}
