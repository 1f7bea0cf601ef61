#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Run in the background by start.sh: record the id of the Codex session that this start
# created, so that the next start resumes it (spec 6.9).
# Arguments: WORKDIR MARKER BEFORE AGENTAPI_PID (see capture_session in session.sh); it
# ends when it has recorded the session or when that AgentAPI has stopped.
# Never fails the start: the worst case is a warning in session-capture.log.
set -euo pipefail
: "${CODEX_MODULE_DIR:?CODEX_MODULE_DIR must be set}"
# shellcheck source=lib.sh
source "$CODEX_MODULE_DIR/scripts/lib.sh"
# shellcheck source=session.sh
source "$CODEX_MODULE_DIR/scripts/session.sh"

capture_session "$1" "$2" "$3" "$4" || true
