#!/usr/bin/env bash
# Write Codex's own files (spec 6.4-6.6, 11): the module's settings, AGENTS.md and auth.json,
# and have the installed Codex check the result. Sourced by start.sh after lib.sh; defines
# functions only.
#
# Where the settings go depends on the installed Codex (`codex --version`):
#   0.134 and newer   <CODEX_HOME>/<profile>.config.toml, launched with --profile <profile>
#   0.131 to 0.133    the same file, launched with --profile-v2 <profile>
#   older             the tables in a marked block at the end of config.toml, the top-level
#                     keys as -c options (Codex reads -c over config.toml and never writes it)
# On the profile versions config.toml is the user's and never written (a block an earlier
# module version left there is removed). In the block, a table that the rest of config.toml
# declares is left out, and tables that Codex itself added inside the block are kept.
# The Python side renders every form (codex_component/config_toml.py); this file chooses.

# Codex's home for this instance; start.sh sets it (and exports CODEX_HOME) from the
# ARG_CODEX_HOME argument: ~/.codex for the default instance, ~/.codex-<port> otherwise.
CODEX_HOME_DIR="${CODEX_HOME:-$HOME/.codex}"
CONFIG_BEGIN_MARKER='# >>> codex_component managed block: rewritten on every workspace start >>>'
CONFIG_END_MARKER='# <<< codex_component managed block <<<'
CONFIG_HINT='# Put your own settings outside this block; Codex reads them as usual.'
PROMPT_BEGIN_MARKER='<!-- codex_component system prompt: start -->'
PROMPT_END_MARKER='<!-- codex_component system prompt: end -->'
CONFIG_BLOCK_HEADERS_FILE="$CODEX_MODULE_DIR/config-block.headers"
CODEX_PROFILE_MIN_VERSION="0.134.0"
CODEX_PROFILE_V2_MIN_VERSION="0.131.0"

# Set by detect_codex.
CODEX_VERSION_NUM=''
CODEX_CONFIG_MODE=''
CODEX_HELP_TEXT=''
# Options that make Codex read the module's settings, and those for the interactive launch.
CODEX_CONFIG_OPTIONS=()
CODEX_LAUNCH_OPTIONS=()
# The profile text written (full or compat) and whether the compat form is in use.
CODEX_PROFILE_TEXT=''
CODEX_USING_COMPAT=false

ensure_codex_home() {
  [[ -d $CODEX_HOME_DIR ]] || (umask 077 && mkdir -p -- "$CODEX_HOME_DIR")
}

# split_at_markers CONTENT BEGIN END: find the first line BEGIN and the first line END
# after it; set SPLIT_BEFORE (up to and including the newline before BEGIN), SPLIT_INSIDE
# (the lines between) and SPLIT_AFTER (everything after the END line and its newline).
# False when CONTENT holds no such pair. Fixed-string matching only.
split_at_markers() {
  local LC_ALL=C
  local content=$1 begin=$2 end=$3 remaining inside=''
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
      inside+=${remaining%%$'\n'*}$'\n'
      remaining=${remaining#*$'\n'}
    else
      return 1
    fi
  done
  SPLIT_INSIDE=$inside
}

# detect_codex: the installed Codex's version, where its settings go, and its options.
detect_codex() {
  local out
  out=$(run_bounded 20 codex --version 2>/dev/null </dev/null) || out=''
  CODEX_VERSION_NUM=$(version_in "$out")
  CODEX_HELP_TEXT=$(run_bounded 20 codex --help 2>/dev/null </dev/null) || CODEX_HELP_TEXT=''
  if [[ -z $CODEX_VERSION_NUM ]]; then
    warn "cannot read the Codex version from 'codex --version' (got '${out:0:80}'): treating it as a current release"
    CODEX_CONFIG_MODE=profile
  elif version_ge "$CODEX_VERSION_NUM" "$CODEX_PROFILE_MIN_VERSION"; then
    CODEX_CONFIG_MODE=profile
  elif version_ge "$CODEX_VERSION_NUM" "$CODEX_PROFILE_V2_MIN_VERSION"; then
    CODEX_CONFIG_MODE=profile-v2
  else
    CODEX_CONFIG_MODE=block
  fi
  CODEX_CONFIG_OPTIONS=()
  case $CODEX_CONFIG_MODE in
    profile) CODEX_CONFIG_OPTIONS=(--profile "$ARG_CODEX_PROFILE_NAME") ;;
    profile-v2) CODEX_CONFIG_OPTIONS=(--profile-v2 "$ARG_CODEX_PROFILE_NAME") ;;
    block) override_options "$ARG_CODEX_OVERRIDES" ;;
  esac
  CODEX_LAUNCH_OPTIONS=("${CODEX_CONFIG_OPTIONS[@]}")
  # 0.169's TUI otherwise starts a background app-server daemon and its update loop, which
  # outlive AgentAPI (0.58 has no daemon and rejects the option).
  if codex_has_option --no-daemon; then
    CODEX_LAUNCH_OPTIONS+=(--no-daemon)
  fi
  log "Codex ${CODEX_VERSION_NUM:-(unknown version)}: settings $(describe_config_mode)"
}

describe_config_mode() {
  case $CODEX_CONFIG_MODE in
    profile | profile-v2)
      printf 'in %s (--%s %s); config.toml is left to you' \
        "$(module_profile_file)" "$CODEX_CONFIG_MODE" "$ARG_CODEX_PROFILE_NAME"
      ;;
    *) printf 'in the marked block of %s and -c options' "$CODEX_HOME_DIR/config.toml" ;;
  esac
}

# codex_has_option OPTION: `codex --help` lists OPTION.
codex_has_option() {
  [[ $CODEX_HELP_TEXT =~ (^|[[:space:],])"$1"([[:space:],=]|$) ]]
}

# override_options LINES: CODEX_CONFIG_OPTIONS gets "-c LINE" for each key=value line.
override_options() {
  local line
  while IFS= read -r line; do
    if [[ -n $line ]]; then
      CODEX_CONFIG_OPTIONS+=(-c "$line")
    fi
  done <<<"$1"
}

module_profile_file() {
  printf '%s/%s.config.toml' "$CODEX_HOME_DIR" "$ARG_CODEX_PROFILE_NAME"
}

# user_config_model: the top-level `model = "..."` of config.toml (simple basic strings
# only), for the model-migration acknowledgement when the module sets no model.
user_config_model() {
  local file="$CODEX_HOME_DIR/config.toml" line
  [[ -f $file ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*\[ ]] && return 1
    if [[ $line =~ ^[[:space:]]*model[[:space:]]*=[[:space:]]*\"([^\"\\]*)\" ]]; then
      printf '%s' "${BASH_REMATCH[1]}"
      return 0
    fi
  done <"$file"
  return 1
}

# model_upgrade MODEL: the upgrade target the installed Codex's catalog names for MODEL
# (`codex debug models`: {"models":[{"slug":"<m>",...,"upgrade":{"model":"<target>",...}
# or "upgrade":null,...},...]}); nothing when there is none or no catalog (0.58). grep
# picks the slugs and upgrades out in order (the catalog is ~750 KB: bash's own pattern
# matching on it would take minutes).
model_upgrade() {
  local model=$1 token current=''
  while IFS= read -r token; do
    case $token in
      '"slug":'*) current=${token#'"slug":'} ;;
      '"upgrade":{"model":"'*)
        if [[ $current == "$(quote_string "$model")" ]]; then
          token=${token#'"upgrade":{"model":"'}
          printf '%s' "${token%'"'}"
          return 0
        fi
        ;;
    esac
  done < <(run_bounded 20 codex debug models 2>/dev/null </dev/null |
    grep -oE '"slug":"[^"]*"|"upgrade":(\{"model":"[^"]*"|null)' || true)
  return 0
}

# compute_model_migration TEXT: MIGRATION_LINE gets the acknowledgement for the model that
# will run, to append to TEXT (which ends with [notice.model_migrations]), when the catalog
# names an upgrade for it and TEXT has none yet; without it the TUI stops at "Try new model /
# Use existing model".
compute_model_migration() {
  local text=$1 model target key
  MIGRATION_LINE=''
  model=$ARG_CODEX_RUN_MODEL
  [[ -n $model ]] || model=$(user_config_model) || model=''
  # No model set anywhere: Codex's own default runs, which is no model with an upgrade.
  [[ -n $model ]] || return 0
  target=$(model_upgrade "$model")
  [[ -n $target ]] || return 0
  key=$(quote_string "$model")
  if [[ $text == *$'\n'"$key = "* || $text == *$'\n'"$model = "* ]]; then
    return 0
  fi
  MIGRATION_LINE="$key = $(quote_string "$target")"$'\n'
  log "Acknowledging Codex's model migration notice for $model (upgrade: $target)"
}

# write_codex_config: the module's settings where the installed Codex reads them.
write_codex_config() {
  ensure_codex_home
  [[ -n ${CODER_AGENT_URL:-} ]] || warn "CODER_AGENT_URL is not set; the Coder MCP server will not reach Coder"
  [[ -n ${CODER_AGENT_TOKEN:-} ]] || warn "CODER_AGENT_TOKEN is not set; the Coder MCP server will not reach Coder"
  case $CODEX_CONFIG_MODE in
    profile | profile-v2)
      # The full form needs the strict check to find out whether this Codex knows every key.
      if codex_has_option --strict-config; then
        write_profile "$ARG_CODEX_PROFILE" false
      else
        write_profile "$ARG_CODEX_PROFILE_COMPAT" true
      fi
      remove_legacy_block
      ;;
    *) write_config_block "$ARG_CODEX_BLOCK" ;;
  esac
}

# write_profile TEXT COMPAT: the module's profile file, rewritten whole (mode 0600).
write_profile() {
  local file
  file=$(module_profile_file)
  CODEX_PROFILE_TEXT=$1
  CODEX_USING_COMPAT=$2
  compute_model_migration "$CODEX_PROFILE_TEXT"
  {
    printf '# Written by codex_component on every workspace start: your own settings belong in config.toml.\n'
    printf '%s%s' "$CODEX_PROFILE_TEXT" "$MIGRATION_LINE"
  } | write_file_atomic "$file" 600
  log "Wrote $file"
}

# remove_legacy_block: config.toml without the block an earlier module version wrote.
remove_legacy_block() {
  local file="$CODEX_HOME_DIR/config.toml" content
  [[ -f $file ]] || return 0
  read_file_exact "$file" content || die "cannot read $file"
  split_at_markers "$content" "$CONFIG_BEGIN_MARKER" "$CONFIG_END_MARKER" || return 0
  printf '%s' "$SPLIT_BEFORE$SPLIT_AFTER" | write_file_atomic "$file" "$(file_mode_or "$file" 600)"
  log "Removed the block an earlier codex_component wrote into $file (its settings now live in $(module_profile_file))"
}

# table_headers TEXT: the [table] header lines of TEXT, trimmed, one per line.
table_headers() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    if [[ $line == '['* && $line != '[['* ]]; then
      printf '%s\n' "$line"
    fi
  done <<<"$1"
}

# split_sections TEXT: SECTIONS gets one entry per table (its header line and the lines up
# to the next header); lines before the first header are dropped.
split_sections() {
  local line current='' started=false
  SECTIONS=()
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*\[ ]]; then
      if $started; then
        SECTIONS+=("$current")
      fi
      current=$line$'\n'
      started=true
    elif $started; then
      current+=$line$'\n'
    fi
  done <<<"$1"
  if $started; then
    SECTIONS+=("$current")
  fi
}

section_header() {
  table_headers "${1%%$'\n'*}"
}

# write_config_block BLOCK (Codex before 0.131): rewrite the marked block of config.toml.
write_config_block() {
  local block=$1 file="$CODEX_HOME_DIR/config.toml" content='' outside foreign='' kept=''
  local header section
  local -A ours=() declared=()
  if [[ -f $file ]]; then
    read_file_exact "$file" content || die "cannot read $file"
  fi
  while IFS= read -r header; do
    if [[ -n $header ]]; then
      ours[$header]=1
    fi
  done < <(table_headers "$block"; [[ ! -f $CONFIG_BLOCK_HEADERS_FILE ]] || cat -- "$CONFIG_BLOCK_HEADERS_FILE")
  if split_at_markers "$content" "$CONFIG_BEGIN_MARKER" "$CONFIG_END_MARKER"; then
    outside=$SPLIT_BEFORE$SPLIT_AFTER
    # Codex adds its tables before the file's last comment line, the end marker: keep them.
    split_sections "$SPLIT_INSIDE"
    for section in "${SECTIONS[@]}"; do
      header=$(section_header "$section")
      [[ -n ${ours[$header]:-} ]] || foreign+=$section
    done
  else
    outside=$content
  fi
  [[ -z $outside || $outside == *$'\n' ]] || outside+=$'\n'
  outside+=$foreign
  while IFS= read -r header; do
    if [[ -n $header ]]; then
      declared[$header]=1
    fi
  done < <(table_headers "$outside")
  compute_model_migration "$block"
  split_sections "$block$MIGRATION_LINE"
  for section in "${SECTIONS[@]}"; do
    header=$(section_header "$section")
    if [[ -n ${declared[$header]:-} ]]; then
      log "config.toml declares $header itself: the module's block leaves it out"
      continue
    fi
    kept+=$section
  done
  {
    printf '%s' "$outside"
    [[ -z $outside || $outside == *$'\n\n' ]] || printf '\n'
    printf '%s\n%s\n%s%s\n' "$CONFIG_BEGIN_MARKER" "$CONFIG_HINT" "$kept" "$CONFIG_END_MARKER"
  } | write_file_atomic "$file" "$(file_mode_or "$file" 600)"
  table_headers "$block" | write_file_atomic "$CONFIG_BLOCK_HEADERS_FILE" 600
  log "Updated the codex_component block of $file (what is outside it is kept)"
}

# configure_codex: everything the installed Codex reads from the module (spec 6.4-6.6).
configure_codex() {
  detect_codex
  write_codex_config
  write_system_prompt "$ARG_SYSTEM_PROMPT"
  write_auth_json "$ARG_ENABLE_AIBRIDGE"
}

# codex_config_problem: empty output when the installed Codex loads its effective config
# (strictly, where it can); otherwise what Codex said, without its backtrace.
codex_config_problem() {
  local out status=0
  if codex_has_option --strict-config; then
    # exec with no prompt loads the config, then stops: "No prompt provided via stdin."
    out=$(cd -- "$ARG_WORKDIR" && run_bounded 30 codex "${CODEX_CONFIG_OPTIONS[@]}" \
      --strict-config exec </dev/null 2>&1) || status=$?
    if ((status == 0)) || [[ $out == *'No prompt provided'* ]]; then
      return 0
    fi
  else
    out=$(cd -- "$ARG_WORKDIR" && run_bounded 30 codex "${CODEX_CONFIG_OPTIONS[@]}" \
      mcp list </dev/null 2>&1) || status=$?
    if ((status == 0)); then
      return 0
    fi
  fi
  printf '%s\n' "$out" | sed -e '/^Stack backtrace:/,$d' -e '/^[[:space:]]*$/d' | head -n 20
  [[ -n $out ]] || printf 'codex exited with status %s and printed nothing\n' "$status"
}

# check_codex_config: fail the start with Codex's own words when it would refuse its
# config, instead of starting a task that cannot run. A profile with keys this Codex
# does not know yet is retried once without them.
check_codex_config() {
  local problem
  problem=$(codex_config_problem)
  if [[ -n $problem && $CODEX_CONFIG_MODE != block ]] && ! is_true "$CODEX_USING_COMPAT" &&
    [[ $ARG_CODEX_PROFILE_COMPAT != "$ARG_CODEX_PROFILE" ]]; then
    log "Codex ${CODEX_VERSION_NUM:-} refuses some newer settings; writing the profile without them"
    write_profile "$ARG_CODEX_PROFILE_COMPAT" true
    problem=$(codex_config_problem)
  fi
  [[ -n $problem ]] || {
    log "Codex loads its configuration without errors"
    return 0
  }
  printf '%s\n' "$problem" | sed 's/^/    /' >&2
  die "Codex refuses its configuration (above, in its own words). Fix what it names: your config.toml ($CODEX_HOME_DIR/config.toml), base_config_toml or additional_mcp_servers; the module's own settings are in $(describe_config_mode)"
}

# probe_sandbox: have the installed Codex run `true` under its own sandbox (cheap, bounded)
# and warn, with the remedy, when it cannot: then every command Codex runs fails (the Linux
# sandbox needs bubblewrap and unprivileged user namespaces, which many containers lack).
probe_sandbox() {
  local out status=0
  if [[ $ARG_CODEX_SANDBOX_MODE == danger-full-access ]]; then
    log "Sandbox: off (sandbox_mode = danger-full-access); not probed"
    return 0
  fi
  out=$(cd -- "$ARG_WORKDIR" && run_bounded 20 codex "${CODEX_CONFIG_OPTIONS[@]}" sandbox -- true \
    </dev/null 2>&1) || status=$?
  if ((status == 2)) && [[ $out == *unexpected* || $out == *unrecognized* || $out == *Usage* ]]; then
    # Codex before `sandbox -- CMD` (0.58: `sandbox linux CMD`).
    status=0
    out=$(cd -- "$ARG_WORKDIR" && run_bounded 20 codex "${CODEX_CONFIG_OPTIONS[@]}" sandbox linux true \
      </dev/null 2>&1) || status=$?
  fi
  if ((status == 0)); then
    log "Sandbox: Codex can run commands in its sandbox here"
    return 0
  fi
  warn "Codex's sandbox cannot run in this workspace (exit $status: $(printf '%s' "$out" | sed -e '/^Stack backtrace:/,$d' | head -n 3 | tr '\n' ' ')). Every command Codex runs would fail. Use a workspace image or runtime that allows unprivileged user namespaces for bubblewrap, or, where the workspace itself is the isolation, set sandbox_mode = \"danger-full-access\" in base_config_toml"
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

# write_auth_json AIBRIDGE: auth.json from $OPENAI_API_KEY (never printed, never on a
# command line), in the form the installed Codex writes itself: it is Codex's own
# `login --with-api-key` that writes it (0.169: {"auth_mode":"apikey","OPENAI_API_KEY":..}).
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
  if printf '%s' "$OPENAI_API_KEY" |
    run_bounded 30 codex login --with-api-key >/dev/null 2>&1 && [[ -s $file ]]; then
    chmod 600 "$file"
    log "Signed Codex in with the API key ($file, mode 0600)"
    return 0
  fi
  # A Codex without `login --with-api-key` reads this older form too.
  printf '{"OPENAI_API_KEY": %s}\n' "$(quote_string "$OPENAI_API_KEY")" |
    write_file_atomic "$file" 600
  log "Wrote $file (mode 0600)"
}
