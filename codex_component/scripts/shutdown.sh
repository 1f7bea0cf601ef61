#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Entry of the run-on-stop coder_script (spec 7): let AgentAPI save its state, save the
# task's conversation to Coder, stop AgentAPI. Arguments come from
# "$CODEX_MODULE_DIR/shutdown.args" (format: see lib.sh). Never fails the stop: always
# exits 0, every wait is bounded.
set -euo pipefail

: "${CODEX_MODULE_DIR:?CODEX_MODULE_DIR must be set (the script is run by bootstrap.sh)}"
: "${HOME:?HOME must be set}"
SCRIPTS_DIR="$CODEX_MODULE_DIR/scripts"
# shellcheck source=lib.sh
source "$SCRIPTS_DIR/lib.sh"
# shellcheck source=agentapi.sh
source "$SCRIPTS_DIR/agentapi.sh"
# shellcheck source=snapshot.sh
source "$SCRIPTS_DIR/snapshot.sh"

STOP_WAIT_SECONDS=10

on_exit() {
  local status=$?
  if ((status != 0)); then
    warn "the shutdown script stopped early (exit status $status); the workspace stops anyway"
  fi
  exit 0
}
trap on_exit EXIT

main() {
  local pid='' dir
  load_args "$CODEX_MODULE_DIR/shutdown.args"
  require_args ARG_AGENTAPI_PORT ARG_TASK_ID ARG_TASK_ENABLED ARG_ENABLE_STATE_PERSISTENCE
  [[ $ARG_AGENTAPI_PORT =~ ^[1-9][0-9]{0,4}$ ]] || die "agentapi_port must be a port number"
  # AgentAPI may live in ~/.local/bin, which the agent does not put on PATH.
  while IFS= read -r dir; do
    prepend_path "$dir"
  done < <(agentapi_bin_dirs)
  log "Codex module: stopping (AgentAPI port $ARG_AGENTAPI_PORT, task: ${ARG_TASK_ID:-none})"

  if pid=$(running_agentapi_pid); then
    log "AgentAPI is running (pid $pid)"
  else
    pid=''
    log "AgentAPI is not running (no live process in $AGENTAPI_PID_FILE_PATH)"
  fi

  if [[ -n $pid ]] && is_true "$ARG_ENABLE_STATE_PERSISTENCE"; then
    if agentapi_supports_state; then
      log "Asking AgentAPI to save its state (SIGUSR1)"
      kill -USR1 "$pid" 2>/dev/null || warn "could not signal AgentAPI (pid $pid)"
      sleep 1
    else
      log "This AgentAPI does not persist its state: not asking it to save"
    fi
  fi

  # coder_task has an id outside Coder Tasks too; only a running task has a log to save.
  if [[ -n $ARG_TASK_ID ]] && is_true "$ARG_TASK_ENABLED"; then
    post_log_snapshot "$ARG_AGENTAPI_PORT" "$ARG_TASK_ID" || warn "the task log snapshot failed"
  elif [[ -n $ARG_TASK_ID ]]; then
    log "The workspace runs no Coder Task (task not enabled): no log snapshot to save"
  fi

  if [[ -n $pid ]]; then
    log "Stopping AgentAPI (SIGTERM, at most ${STOP_WAIT_SECONDS}s)"
    stop_agentapi "$pid" "$STOP_WAIT_SECONDS"
  fi
  # Codex may leave processes outside AgentAPI's group (0.169's background server).
  stop_instance_processes 5
  log "Codex module: stopped"
}

main "$@"
