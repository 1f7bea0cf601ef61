#!/usr/bin/env bash
# Write Codex's own files (spec 6.4-6.6): ~/.codex/config.toml, ~/.codex/AGENTS.md and
# ~/.codex/auth.json. Sourced by start.sh after lib.sh; defines functions only.

# Codex's home for this instance; start.sh sets it (and exports CODEX_HOME) from the
# ARG_CODEX_HOME argument: ~/.codex for the default instance, ~/.codex-<port> otherwise.
CODEX_HOME_DIR="${CODEX_HOME:-$HOME/.codex}"
CONFIG_BEGIN_MARKER='# >>> codex_component managed block: rewritten on every workspace start >>>'
CONFIG_END_MARKER='# <<< codex_component managed block <<<'
CONFIG_HINT='# Put your own top-level keys above this block and your own [tables] below it.'
PROMPT_BEGIN_MARKER='<!-- codex_component system prompt: start -->'
PROMPT_END_MARKER='<!-- codex_component system prompt: end -->'

ensure_codex_home() {
  [[ -d $CODEX_HOME_DIR ]] || (umask 077 && mkdir -p -- "$CODEX_HOME_DIR")
}

# split_at_markers CONTENT BEGIN END: find the first line BEGIN and the first line END
# after it; set SPLIT_BEFORE (up to and including the newline before BEGIN) and SPLIT_AFTER
# (everything after the END line and its newline).
# False when CONTENT holds no such pair. Fixed-string matching only.
split_at_markers() {
  local LC_ALL=C
  local content=$1 begin=$2 end=$3 remaining
  if [[ $content == "$begin"$'\n'* ]]; then
    SPLIT_BEFORE=''
  elif [[ $content == *$'\n'"$begin"$'\n'* ]]; then
    SPLIT_BEFORE=${content%%$'\n'"$begin"$'\n'*}$'\n'
  else
    return 1
  fi
  remaining=${content:${#SPLIT_BEFORE}+${#begin}+1}
  while :; do
    if [[ $remaining == "$end" ]]; then
      SPLIT_AFTER=''
      break
    elif [[ $remaining == "$end"$'\n'* ]]; then
      SPLIT_AFTER=${remaining:${#end}+1}
      break
    elif [[ $remaining == *$'\n'* ]]; then
      remaining=${remaining#*$'\n'}
    else
      return 1
    fi
  done
}

# The managed block of config.toml: the module's config (whose last table is
# [mcp_servers.Coder.env]) plus the agent's URL and token, between the marker lines.
managed_config_block() {
  local config=$1
  printf '%s\n%s\n' "$CONFIG_BEGIN_MARKER" "$CONFIG_HINT"
  printf '%s' "$config"
  [[ -z $config || $config == *$'\n' ]] || printf '\n'
  printf 'CODER_AGENT_URL = %s\n' "$(quote_string "${CODER_AGENT_URL:-}")"
  printf 'CODER_AGENT_TOKEN = %s\n' "$(quote_string "${CODER_AGENT_TOKEN:-}")"
  printf '%s\n' "$CONFIG_END_MARKER"
}

# write_codex_config CONFIG: (re)write the managed block of ~/.codex/config.toml.
write_codex_config() {
  local config=$1 file="$CODEX_HOME_DIR/config.toml" block content new backup
  ensure_codex_home
  [[ -n ${CODER_AGENT_URL:-} ]] || warn "CODER_AGENT_URL is not set; the Coder MCP server will not reach Coder"
  [[ -n ${CODER_AGENT_TOKEN:-} ]] || warn "CODER_AGENT_TOKEN is not set; the Coder MCP server will not reach Coder"
  block=$(managed_config_block "$config" && printf '.')
  block=${block%.}
  new=$block
  if [[ -f $file ]]; then
    read_file_exact "$file" content || die "cannot read $file"
    if split_at_markers "$content" "$CONFIG_BEGIN_MARKER" "$CONFIG_END_MARKER"; then
      new=$SPLIT_BEFORE$block$SPLIT_AFTER
      log "Updating the managed block of $file (lines outside it are kept)"
    else
      backup="$file.bak"
      [[ ! -e $backup ]] || backup="$file.bak.$(date +%Y%m%d%H%M%S)"
      mv -f -- "$file" "$backup" || die "cannot move $file aside to $backup"
      log "$file had no codex_component block: moved it to $backup and wrote a new one"
    fi
  else
    log "Writing $file"
  fi
  # The block holds the agent token: the file is 0600 from the moment it exists.
  printf '%s' "$new" | write_file_atomic "$file" 600
}

file_mode_or() {
  local mode
  mode=$(stat -c '%a' -- "$1" 2>/dev/null) || mode=$2
  printf '%s' "$mode"
}

# write_system_prompt PROMPT: ~/.codex/AGENTS.md holds PROMPT exactly once.
write_system_prompt() {
  local prompt=$1 file="$CODEX_HOME_DIR/AGENTS.md" content='' block new outside
  if [[ -z $prompt ]]; then
    log "No system prompt: AGENTS.md is left alone"
    return 0
  fi
  ensure_codex_home
  block=$PROMPT_BEGIN_MARKER$'\n'$prompt
  [[ $prompt == *$'\n' ]] || block+=$'\n'
  block+=$PROMPT_END_MARKER$'\n'
  if [[ -f $file ]]; then
    read_file_exact "$file" content || die "cannot read $file"
  fi
  if split_at_markers "$content" "$PROMPT_BEGIN_MARKER" "$PROMPT_END_MARKER"; then
    outside=$SPLIT_BEFORE$SPLIT_AFTER
    if [[ $outside == *"$prompt"* ]]; then
      new=$outside
    else
      new=$SPLIT_BEFORE$block$SPLIT_AFTER
    fi
  elif [[ $content == *"$prompt"* ]]; then
    new=$content
  else
    new=$content
    [[ -z $new || $new == *$'\n' ]] || new+=$'\n'
    [[ -z $new ]] || new+=$'\n'
    new+=$block
  fi
  if [[ -f $file && $new == "$content" ]]; then
    log "$file already holds the system prompt"
    return 0
  fi
  printf '%s' "$new" | write_file_atomic "$file" "$(file_mode_or "$file" 644)"
  log "Wrote the system prompt to $file"
}

# write_auth_json AIBRIDGE: ~/.codex/auth.json from $OPENAI_API_KEY (never printed).
write_auth_json() {
  local aibridge=$1 file="$CODEX_HOME_DIR/auth.json"
  if is_true "$aibridge"; then
    log "AI Bridge is on: Codex authenticates with the Coder session token; auth.json not written"
    return 0
  fi
  if [[ -z ${OPENAI_API_KEY:-} ]]; then
    if [[ -f $file ]]; then
      log "No OpenAI API key: keeping the existing $file"
    else
      log "No OpenAI API key: no auth.json written (sign in to Codex yourself)"
    fi
    return 0
  fi
  ensure_codex_home
  # printf is a builtin: the key is never on a command line.
  printf '{"OPENAI_API_KEY": %s}\n' "$(quote_string "$OPENAI_API_KEY")" |
    write_file_atomic "$file" 600
  log "Wrote $file (mode 0600)"
}
