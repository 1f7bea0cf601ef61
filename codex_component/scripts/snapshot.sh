#!/usr/bin/env bash
# Save the end of the task's conversation to Coder before the workspace stops (spec 7.3).
# Sourced by shutdown.sh after lib.sh; defines functions only. Nothing here fails the stop.

SNAPSHOT_MAX_BYTES=65536
SNAPSHOT_MAX_MESSAGES=10
SNAPSHOT_TRUNCATION_MARKER='[... earlier output truncated ...]'$'\n'

# The last SNAPSHOT_MAX_MESSAGES messages; then the oldest are dropped until the compact
# JSON fits SNAPSHOT_MAX_BYTES; if one message is left and still too big, the longest tail
# of its content that fits is kept behind the truncation marker (a binary search on the
# tail length: more characters never take fewer bytes).
# shellcheck disable=SC2016 # a jq program, not shell
SNAPSHOT_JQ='
def size: tojson | utf8bytelength;
def with_tail($doc; $content; $keep):
  $doc
  | .messages[0].content =
      $marker + (if $keep > 0 then $content[(($content | length) - $keep):] else "" end);
def fits($doc; $content; $keep): (with_tail($doc; $content; $keep) | size) <= $limit;
if type != "object" or (.messages | type) != "array" then error("unexpected /messages answer") else . end
| .messages |= .[-($max):]
| until(size <= $limit or (.messages | length) <= 1; .messages |= .[1:])
| if size > $limit and (.messages | length) == 1 and (.messages[0].content | type) == "string"
  then
    . as $doc
    # Every character takes at least one byte: no tail longer than $limit can fit.
    | (.messages[0].content | .[([length - $limit, 0] | max):]) as $content
    | {lo: 0, hi: ($content | length)}
    | until(.lo >= .hi;
        ((.lo + .hi + 1) / 2 | floor) as $mid
        | if fits($doc; $content; $mid) then .lo = $mid else .hi = $mid - 1 end)
    | with_tail($doc; $content; .lo)
  else . end'

SNAPSHOT_PY='
import json, sys

limit, count, marker = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
doc = json.load(sys.stdin)
if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
    sys.exit("unexpected /messages answer")


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def size(value):
    return len(dump(value))


doc["messages"] = doc["messages"][-count:]
while size(doc) > limit and len(doc["messages"]) > 1:
    del doc["messages"][0]
first = doc["messages"][0] if doc["messages"] else None
if size(doc) > limit and isinstance(first, dict) and isinstance(first.get("content"), str):
    content = first["content"][-limit:]

    def fits(keep):
        first["content"] = marker + (content[len(content) - keep:] if keep > 0 else "")
        return size(doc) <= limit

    lo, hi = 0, len(content)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    fits(lo)
sys.stdout.write(dump(doc))
'

# shrink_snapshot IN OUT: the last messages of AgentAPI's /messages answer in IN, at most
# SNAPSHOT_MAX_BYTES of compact JSON, into OUT.
shrink_snapshot() {
  local in=$1 out=$2
  if command -v jq >/dev/null 2>&1; then
    jq -c -j --argjson limit "$SNAPSHOT_MAX_BYTES" --argjson max "$SNAPSHOT_MAX_MESSAGES" \
      --arg marker "$SNAPSHOT_TRUNCATION_MARKER" "$SNAPSHOT_JQ" <"$in" >"$out"
  else
    python3 -c "$SNAPSHOT_PY" "$SNAPSHOT_MAX_BYTES" "$SNAPSHOT_MAX_MESSAGES" \
      "$SNAPSHOT_TRUNCATION_MARKER" <"$in" >"$out"
  fi
}

# post_log_snapshot PORT TASK_ID
post_log_snapshot() {
  local port=$1 task_id=$2 dir status
  if ! command -v jq >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
    log "Neither jq nor python3 is available: skipping the task log snapshot"
    return 0
  fi
  if ! command -v curl >/dev/null 2>&1; then
    log "curl is not available: skipping the task log snapshot"
    return 0
  fi
  if ! [[ $task_id =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
    warn "the task id is not a plain identifier: skipping the task log snapshot"
    return 0
  fi
  if [[ -z ${CODER_AGENT_URL:-} || -z ${CODER_AGENT_TOKEN:-} ]]; then
    warn "CODER_AGENT_URL or CODER_AGENT_TOKEN is not set: skipping the task log snapshot"
    return 0
  fi
  dir=$(umask 077 && mktemp -d "$CODEX_MODULE_DIR/.snapshot.XXXXXX") || {
    warn "cannot create a temporary folder: skipping the task log snapshot"
    return 0
  }
  status=0
  post_log_snapshot_in "$dir" "$port" "$task_id" || status=$?
  rm -rf -- "$dir"
  return "$status"
}

post_log_snapshot_in() {
  local dir=$1 port=$2 task_id=$3 code url
  url="${CODER_AGENT_URL%/}/api/v2/workspaceagents/me/tasks/$task_id/log-snapshot?format=agentapi"
  if ! curl -fsS -m 10 -o "$dir/messages.json" "http://localhost:$port/messages"; then
    warn "could not fetch the conversation from AgentAPI: no task log snapshot"
    return 0
  fi
  if ! shrink_snapshot "$dir/messages.json" "$dir/payload.json"; then
    warn "AgentAPI's /messages answer could not be processed: no task log snapshot"
    return 0
  fi
  # The token goes to curl through a 0600 header file, never on its command line.
  printf 'Coder-Session-Token: %s\n' "$CODER_AGENT_TOKEN" >"$dir/headers"
  code=$(curl -sS -m 15 -o "$dir/response" -w '%{http_code}' -X POST \
    -H "@$dir/headers" -H 'Content-Type: application/json' \
    --data-binary "@$dir/payload.json" "$url") || true
  case $code in
    204) log "Saved the task log snapshot ($(wc -c <"$dir/payload.json") bytes) for task $task_id" ;;
    404) log "This Coder deployment does not take task log snapshots (HTTP 404); skipped" ;;
    *) warn "posting the task log snapshot failed (HTTP ${code:-none}); continuing the shutdown" ;;
  esac
}
