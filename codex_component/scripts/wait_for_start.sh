#!/usr/bin/env bash
# Wait until AgentAPI answers (spec 6.10). Sourced by start.sh after lib.sh; defines
# functions only.

AGENTAPI_READY_ANSWERS=3
# Poll often while waiting for the first answer; confirm it quickly once it came: the
# confirmations only guard against a server that answers once and then dies.
AGENTAPI_POLL_INTERVAL=0.05
AGENTAPI_CONFIRM_INTERVAL=0.02

# wait_for_agentapi PORT PID LOG_FILE SECONDS: return once /status answered 2xx three
# times in a row; fail at once when AgentAPI exits, or after SECONDS.
wait_for_agentapi() {
  local port=$1 pid=$2 log_file=$3 seconds=$4 good=0 deadline status=0
  local url="http://localhost:$port/status"
  deadline=$((SECONDS + seconds))
  log "Waiting for AgentAPI to answer on $url (at most ${seconds}s)"
  while ((SECONDS < deadline)); do
    if ! process_alive "$pid"; then
      wait "$pid" 2>/dev/null || status=$?
      die_with_log "$log_file" "AgentAPI exited before it answered on $url (exit status $status); see $log_file: the lines above show why (check that codex starts in the workdir)"
    fi
    if http_ok /status "$port"; then
      good=$((good + 1))
      if ((good >= AGENTAPI_READY_ANSWERS)); then
        log "AgentAPI is ready on $url"
        return 0
      fi
      sleep "$AGENTAPI_CONFIRM_INTERVAL"
    else
      good=0
      sleep "$AGENTAPI_POLL_INTERVAL"
    fi
  done
  die_with_log "$log_file" "AgentAPI did not answer on $url $AGENTAPI_READY_ANSWERS times in a row within ${seconds}s (it is stopped, with what it started); see $log_file, and check that nothing else answers on port $port"
}
