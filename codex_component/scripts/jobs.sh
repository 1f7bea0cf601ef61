#!/usr/bin/env bash
# Background steps of the start script: the Codex install and the AgentAPI download are
# both network-bound, so they run at the same time. Sourced by start.sh after lib.sh;
# defines functions only.
#
# A step is a function run in a background subshell (set -euo pipefail carries over, so a
# failing command ends the step). Its progress lines go to the script's output as they
# come; its stderr (warnings, the tail of its log) goes to $CODEX_MODULE_DIR/<name>.err and
# is shown once the step is done, so two steps never mix their messages. `die` in a step
# writes its reason to a file instead of printing it (see lib.sh), and finish_step makes
# that reason the start script's own last line.

declare -gA STEP_PIDS=() STEP_STATUS=()
STEP_POLL_INTERVAL=0.05

step_file() {
  printf '%s/.step-%s.%s' "$CODEX_MODULE_DIR" "$1" "$2"
}

# start_step NAME FUNCTION ARG...: run FUNCTION ARG... in the background.
start_step() {
  local name=$1 reason err
  shift
  reason=$(step_file "$name" reason)
  err=$(step_file "$name" err)
  rm -f -- "$reason" "$err"
  (
    # shellcheck disable=SC2034 # read by die (lib.sh)
    CODEX_JOB_REASON_FILE=$reason
    "$@"
  ) </dev/null 2>"$err" &
  STEP_PIDS[$name]=$!
  unset 'STEP_STATUS[$name]'
}

step_done() {
  [[ -z ${STEP_PIDS[$1]:-} || -n ${STEP_STATUS[$1]:-} ]] || ! process_alive "${STEP_PIDS[$1]}"
}

# finish_step NAME: wait for the step; show its messages; on failure end the start script
# with the step's reason (or, when it died without one, its exit status).
finish_step() {
  local name=$1 pid=${STEP_PIDS[$1]:-} status=${STEP_STATUS[$1]:-} reason='' err
  [[ -n $pid ]] || return 0
  if [[ -z $status ]]; then
    status=0
    wait "$pid" || status=$?
  fi
  unset 'STEP_PIDS[$name]' 'STEP_STATUS[$name]'
  err=$(step_file "$name" err)
  [[ ! -s $err ]] || cat -- "$err" >&2
  rm -f -- "$err"
  ((status != 0)) || return 0
  read_file_exact "$(step_file "$name" reason)" reason 2>/dev/null || reason=''
  rm -f -- "$(step_file "$name" reason)"
  stop_steps
  [[ -n $reason ]] || reason="the $name step failed (exit status $status); the lines above show why"
  die "${reason%$'\n'}"
}

# wait_for_a_step NAME...: block until one of the steps NAME... ends and note its status
# (bash 5.1 and newer wait for it; older ones poll).
wait_for_a_step() {
  local name done_pid='' status=0
  local -a pids=()
  for name in "$@"; do
    [[ -n ${STEP_PIDS[$name]:-} && -z ${STEP_STATUS[$name]:-} ]] || continue
    pids+=("${STEP_PIDS[$name]}")
  done
  ((${#pids[@]} > 0)) || return 0
  if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 501)); then
    wait -n -p done_pid "${pids[@]}" || status=$?
    for name in "$@"; do
      [[ ${STEP_PIDS[$name]:-} != "$done_pid" ]] || STEP_STATUS[$name]=$status
    done
    [[ -n $done_pid ]] && return 0
  fi
  sleep "$STEP_POLL_INTERVAL"
}

# finish_step_watching NAME OTHER...: wait for step NAME; a step in OTHER that fails in
# the meantime fails the start at once, instead of after NAME.
finish_step_watching() {
  local name=$1 other
  shift
  while ! step_done "$name"; do
    wait_for_a_step "$name" "$@"
    for other in "$@"; do
      if [[ -n ${STEP_PIDS[$other]:-} ]] && step_done "$other"; then
        finish_step "$other"
      fi
    done
  done
  finish_step "$name"
}

# descendants PID: every process below PID (children first found through /proc).
descendants() {
  local pid=$1 stat child
  local -a fields
  for stat in /proc/[0-9]*/stat; do
    { IFS= read -r child <"$stat"; } 2>/dev/null || continue
    child=${child##*) }
    read -r -a fields <<<"$child"
    if [[ ${fields[1]:-} == "$pid" ]]; then
      child=${stat#/proc/}
      child=${child%/stat}
      printf '%s\n' "$child"
      descendants "$child"
    fi
  done
}

# stop_steps: end the steps still running (and what they started, such as npm or curl):
# a failed start leaves nothing of its own behind.
stop_steps() {
  local name pid
  local -a pids
  for name in "${!STEP_PIDS[@]}"; do
    pid=${STEP_PIDS[$name]}
    unset 'STEP_PIDS[$name]' 'STEP_STATUS[$name]'
    process_alive "$pid" || continue
    mapfile -t pids < <(descendants "$pid")
    kill -TERM "$pid" "${pids[@]}" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f -- "$(step_file "$name" err)" "$(step_file "$name" reason)"
  done
}
