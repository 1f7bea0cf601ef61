#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Entry of the run-on-start coder_script (spec 6): install Codex and AgentAPI, configure
# Codex, start AgentAPI with Codex in the work directory and wait until it answers.
# Arguments come from "$CODEX_MODULE_DIR/start.args" (format: see lib.sh).
set -euo pipefail
# bootstrap.sh unpacks the module under umask 077; Codex and the user's project get the
# usual default. Files holding secrets are written 0600 explicitly.
umask 022

: "${CODEX_MODULE_DIR:?CODEX_MODULE_DIR must be set (the script is run by bootstrap.sh)}"
: "${HOME:?HOME must be set}"
SCRIPTS_DIR="$CODEX_MODULE_DIR/scripts"
# shellcheck source=lib.sh
source "$SCRIPTS_DIR/lib.sh"
# shellcheck source=jobs.sh
source "$SCRIPTS_DIR/jobs.sh"
# shellcheck source=install_codex.sh
source "$SCRIPTS_DIR/install_codex.sh"
# shellcheck source=configure_codex.sh
source "$SCRIPTS_DIR/configure_codex.sh"
# shellcheck source=agentapi.sh
source "$SCRIPTS_DIR/agentapi.sh"
# shellcheck source=session.sh
source "$SCRIPTS_DIR/session.sh"
# shellcheck source=wait_for_start.sh
source "$SCRIPTS_DIR/wait_for_start.sh"

START_ARGS=(
  ARG_WORKDIR ARG_CODEX_HOME ARG_INSTALL_CODEX ARG_CODEX_VERSION ARG_CODEX_MODEL ARG_ENABLE_AIBRIDGE
  ARG_REPORT_TASKS ARG_CONTINUE ARG_TASK_PROMPT ARG_CODEX_PROFILE_NAME ARG_CODEX_PROFILE
  ARG_CODEX_PROFILE_COMPAT ARG_CODEX_BLOCK ARG_CODEX_OVERRIDES ARG_CODEX_RUN_MODEL ARG_CODEX_SANDBOX_MODE ARG_SYSTEM_PROMPT
  ARG_PRE_INSTALL_SCRIPT ARG_POST_INSTALL_SCRIPT ARG_INSTALL_AGENTAPI ARG_AGENTAPI_VERSION
  ARG_AGENTAPI_PORT ARG_CHAT_BASE_PATH ARG_ENABLE_STATE_PERSISTENCE
)
AGENTAPI_WAIT_SECONDS=15
LAUNCH_MARKER="$CODEX_MODULE_DIR/.agentapi-launch"
SESSIONS_BEFORE_LAUNCH="$CODEX_MODULE_DIR/.sessions-before-launch"
CAPTURE_PID_FILE="$CODEX_MODULE_DIR/session-capture.pid"

provided() {
  if [[ -n $1 ]]; then printf 'provided'; else printf 'not provided'; fi
}

log_summary() {
  log "Codex module: starting (files in $CODEX_MODULE_DIR)"
  log "  workdir:             $ARG_WORKDIR"
  log "  Codex home:          $CODEX_HOME"
  log "  install Codex:       $ARG_INSTALL_CODEX (version: ${ARG_CODEX_VERSION:-latest})"
  log "  model:               ${ARG_CODEX_MODEL:-(Codex default)}"
  log "  AI Bridge:           $ARG_ENABLE_AIBRIDGE"
  log "  report tasks:        $ARG_REPORT_TASKS"
  log "  continue session:    $ARG_CONTINUE"
  log "  task prompt:         $(provided "$ARG_TASK_PROMPT")"
  log "  system prompt:       $(provided "$ARG_SYSTEM_PROMPT")"
  log "  pre-install script:  $(provided "$ARG_PRE_INSTALL_SCRIPT")"
  log "  post-install script: $(provided "$ARG_POST_INSTALL_SCRIPT")"
  log "  install AgentAPI:    $ARG_INSTALL_AGENTAPI (version: $ARG_AGENTAPI_VERSION)"
  log "  AgentAPI port:       $ARG_AGENTAPI_PORT"
  log "  chat base path:      ${ARG_CHAT_BASE_PATH:-(none: subdomain)}"
  log "  state persistence:   $ARG_ENABLE_STATE_PERSISTENCE"
  log "  OpenAI API key:      $(provided "${OPENAI_API_KEY:-}")"
}

check_args() {
  [[ $ARG_WORKDIR == /* ]] || die "workdir must be an absolute path"
  [[ $ARG_CODEX_HOME =~ ^\.codex[A-Za-z0-9._-]*$ ]] || die "bad Codex home folder name"
  if ! [[ $ARG_AGENTAPI_PORT =~ ^[1-9][0-9]{0,4}$ ]] || ((ARG_AGENTAPI_PORT > 65535)); then
    die "agentapi_port must be a port number (got '$ARG_AGENTAPI_PORT')"
  fi
}

# run_install_hook NAME SCRIPT: run SCRIPT with bash, output to $CODEX_MODULE_DIR/NAME.log.
run_install_hook() {
  local name=$1 body=$2 file log_file
  [[ -n $body ]] || return 0
  file="$CODEX_MODULE_DIR/$name.sh"
  log_file="$CODEX_MODULE_DIR/$name.log"
  printf '%s' "$body" | write_file_atomic "$file" 700
  log "Running the $name script (output in $log_file)"
  if ! bash "$file" </dev/null >"$log_file" 2>&1; then
    die_with_log "$log_file" "the $name script failed; see $log_file and fix ${name}_script"
  fi
  log "The $name script finished"
}

# Sets CODEX_ARGS (the arguments after `codex`) and CODEX_NEW_SESSION.
compose_codex_args() {
  local id
  # Where the module's settings are, and no background daemon (see configure_codex.sh).
  CODEX_ARGS=("${CODEX_LAUNCH_OPTIONS[@]}")
  CODEX_NEW_SESSION=true
  if ! is_true "$ARG_ENABLE_AIBRIDGE" && [[ -n $ARG_CODEX_MODEL ]]; then
    CODEX_ARGS+=(--model "$ARG_CODEX_MODEL")
  fi
  if is_true "$ARG_CONTINUE" && id=$(resumable_session_id "$ARG_WORKDIR"); then
    CODEX_ARGS+=(resume "$id")
    CODEX_NEW_SESSION=false
    log "Resuming Codex session $id of $ARG_WORKDIR"
  elif [[ -n $ARG_TASK_PROMPT ]]; then
    # One argument, verbatim, whatever it holds.
    CODEX_ARGS+=("$ARG_TASK_PROMPT")
    log "Starting a new Codex session with the task prompt (${#ARG_TASK_PROMPT} characters)"
  else
    log "Starting a new Codex session without a prompt"
  fi
}

# AgentAPI's saved conversation belongs to the Codex session it showed: when Codex starts a
# new one, AgentAPI must not restore the old chat (it would show that instead of Codex's
# answers). Kept beside it, not deleted.
set_aside_agentapi_state() {
  [[ -f $AGENTAPI_STATE_FILE_PATH ]] || return 0
  mv -f -- "$AGENTAPI_STATE_FILE_PATH" "$AGENTAPI_STATE_FILE_PATH.previous" ||
    die "cannot move $AGENTAPI_STATE_FILE_PATH aside"
  log "New Codex session: AgentAPI's saved conversation of the previous one is kept as $AGENTAPI_STATE_FILE_PATH.previous, not restored"
}

# A capture still running from an earlier start would race this start's: end it.
stop_previous_capture() {
  local pid cmdline
  pid=$(read_pid_file "$CAPTURE_PID_FILE") || return 0
  process_alive "$pid" || return 0
  if [[ -r /proc/$pid/cmdline ]]; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 0
    [[ $cmdline == *capture_session.sh* ]] || return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
}

start_session_capture() {
  local log_file="$CODEX_MODULE_DIR/session-capture.log"
  if [[ $ARG_WORKDIR == *$'\n'* ]]; then
    warn "the workdir contains a newline: its Codex session cannot be tracked for resuming"
    return 0
  fi
  local -a launcher=()
  if command -v setsid >/dev/null 2>&1; then
    launcher=(setsid)
  fi
  "${launcher[@]}" bash "$SCRIPTS_DIR/capture_session.sh" "$ARG_WORKDIR" "$LAUNCH_MARKER" \
    "$SESSIONS_BEFORE_LAUNCH" "$AGENTAPI_PID" </dev/null >"$log_file" 2>&1 &
  printf '%s\n' "$!" >"$CAPTURE_PID_FILE"
  log "Recording the new Codex session once Codex writes it, for as long as AgentAPI runs (log: $log_file)"
}

# AI Bridge authenticates Codex with the owner's session token, which the component's
# coder_env puts into this script's environment: without it Codex could not sign in.
check_aibridge_token() {
  is_true "$ARG_ENABLE_AIBRIDGE" || return 0
  [[ -z ${CODER_AIBRIDGE_SESSION_TOKEN:-} ]] || return 0
  die "enable_aibridge is true but CODER_AIBRIDGE_SESSION_TOKEN is not set in this script's environment, so Codex could not authenticate with AI Bridge: check that the workspace runs the template version with this component's coder_env CODER_AIBRIDGE_SESSION_TOKEN (restart the workspace after updating the template) and that AI Bridge is enabled on the Coder deployment"
}

# The Codex home holds the API key, the agent token and the sessions: owner only, also
# when it existed before with wider permissions (the README promises 0700).
secure_codex_home() {
  local mode
  [[ -d $CODEX_HOME_DIR ]] || return 0
  mode=$(stat -c '%a' -- "$CODEX_HOME_DIR" 2>/dev/null) || mode=''
  [[ -n $mode && $((8#$mode & 8#077)) -eq 0 ]] && return 0
  chmod 700 -- "$CODEX_HOME_DIR" || die "cannot make $CODEX_HOME_DIR private (chmod 700)"
  log "Made $CODEX_HOME_DIR private (mode ${mode:-unknown} -> 700)"
}

# The AgentAPI step: install_agentapi in the background, then hand its findings (where
# agentapi is, what it reports) to the start script through a file.
AGENTAPI_STEP_RESULT="$CODEX_MODULE_DIR/.step-agentapi.result"
agentapi_step() {
  install_agentapi "$@"
  printf '%s\n%s\n' "$(command -v agentapi)" "${AGENTAPI_VERSION_TEXT%%$'\n'*}" >"$AGENTAPI_STEP_RESULT"
}

finish_agentapi_step() {
  local bin='' text=''
  finish_step agentapi
  { IFS= read -r bin && IFS= read -r text; } <"$AGENTAPI_STEP_RESULT" || true
  rm -f -- "$AGENTAPI_STEP_RESULT"
  [[ -z $bin ]] || prepend_path "$(dirname -- "$bin")"
  AGENTAPI_VERSION_TEXT=$text
  hash -r
}

# The Codex step, in the background; what it put on PATH (~/.npm-global/bin, a Node.js
# from nvm) reaches the start script through a file.
CODEX_STEP_RESULT="$CODEX_MODULE_DIR/.step-codex.result"
codex_step() {
  install_codex "$@"
  printf '%s' "$PATH" >"$CODEX_STEP_RESULT"
}

finish_codex_step() {
  local path=''
  finish_step_watching codex agentapi
  read_file_exact "$CODEX_STEP_RESULT" path 2>/dev/null || path=''
  rm -f -- "$CODEX_STEP_RESULT"
  [[ -z $path ]] || export PATH="$path"
  hash -r
}

# A failed start leaves nothing of its own running: the background steps, and the
# AgentAPI it launched with whatever that started (its process group, see
# launch_agentapi). Runs before die prints the reason, so that the reason stays the last
# line; and on any other failing exit.
AGENTAPI_PID=''
cleanup_failed_start() {
  [[ $BASHPID == "$$" ]] || return 0
  stop_steps
  [[ -n $AGENTAPI_PID ]] || return 0
  local pid=$AGENTAPI_PID
  AGENTAPI_PID=''
  if process_alive "$pid"; then
    log "Stopping the AgentAPI this start launched (pid $pid)"
    stop_agentapi "$pid" 5 2>&1
  elif command -v setsid >/dev/null 2>&1; then
    # AgentAPI led its own process group: end what is left of it (Codex).
    kill -TERM -- "-$pid" 2>/dev/null || true
  fi
  rm -f -- "$AGENTAPI_PID_FILE_PATH"
  stop_previous_capture
}
on_die() {
  cleanup_failed_start
}
on_exit() {
  local status=$?
  ((status == 0)) || cleanup_failed_start
}

main() {
  load_args "$CODEX_MODULE_DIR/start.args"
  require_args "${START_ARGS[@]}"
  check_args
  # This instance's Codex home, for the files written here, the session tracking and (as
  # CODEX_HOME, which AgentAPI passes on) for Codex itself.
  export CODEX_HOME="$HOME/$ARG_CODEX_HOME"
  CODEX_HOME_DIR=$CODEX_HOME
  CODEX_SESSIONS_DIR="$CODEX_HOME/sessions"
  log_summary
  check_aibridge_token
  trap on_exit EXIT

  # 1. Folders.
  chmod 700 "$CODEX_MODULE_DIR"
  mkdir -p -- "$ARG_WORKDIR" || die "cannot create the workdir $ARG_WORKDIR"
  secure_codex_home
  cd "$HOME"

  # 2-8. Install Codex and AgentAPI at the same time (both wait on the network); Codex
  # is configured once its install is done, while AgentAPI may still be downloading.
  run_install_hook pre_install "$ARG_PRE_INSTALL_SCRIPT"
  start_step agentapi agentapi_step "$ARG_INSTALL_AGENTAPI" "$ARG_AGENTAPI_VERSION"
  start_step codex codex_step "$ARG_INSTALL_CODEX" "$ARG_CODEX_VERSION" "$CODEX_MODULE_DIR/install.log"
  finish_codex_step
  command -v codex >/dev/null 2>&1 ||
    die "there is no codex command on PATH ($PATH): set install_codex = true, or install Codex in the workspace image or with pre_install_script"
  configure_codex
  run_install_hook post_install "$ARG_POST_INSTALL_SCRIPT"
  # The sandbox probe only warns: it runs beside the rest, and reports once Codex is up.
  start_step sandbox probe_sandbox
  # After post_install_script, which may have changed config.toml too.
  check_codex_config
  finish_agentapi_step

  # 9. Start AgentAPI with Codex.
  stop_previous_capture
  stop_previous_agentapi
  if port_in_use "$ARG_AGENTAPI_PORT"; then
    die "port $ARG_AGENTAPI_PORT is already in use by another program (not this module's AgentAPI): stop that program, or set agentapi_port to a free port"
  fi
  compose_codex_args
  if is_true "$CODEX_NEW_SESSION"; then
    set_aside_agentapi_state
  fi
  local log_file="$CODEX_MODULE_DIR/agentapi-start.log"
  # What exists before the launch is never taken for the new session (see session.sh).
  list_session_files >"$SESSIONS_BEFORE_LAUNCH"
  touch "$LAUNCH_MARKER"
  log "Starting AgentAPI on port $ARG_AGENTAPI_PORT in $ARG_WORKDIR (output in $log_file)"
  launch_agentapi "$ARG_AGENTAPI_PORT" "$ARG_WORKDIR" "$ARG_CHAT_BASE_PATH" \
    "$ARG_ENABLE_STATE_PERSISTENCE" "$log_file" "${CODEX_ARGS[@]}"
  if is_true "$ARG_CONTINUE" && is_true "$CODEX_NEW_SESSION"; then
    start_session_capture
  fi

  # 10. Ready?
  wait_for_agentapi "$ARG_AGENTAPI_PORT" "$AGENTAPI_PID" "$log_file" "$AGENTAPI_WAIT_SECONDS"
  finish_step sandbox
  log "Codex is running behind AgentAPI (pid $AGENTAPI_PID)"
  trap - EXIT
}

main "$@"
