#!/usr/bin/env bash
# Install Codex CLI with npm into ~/.npm-global (spec 6.3). Sourced by start.sh after
# lib.sh; defines functions only.

NPM_GLOBAL_DIR="$HOME/.npm-global"
NVM_INSTALL_URL="https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.3/install.sh"
# The exact line added to ~/.bashrc, once, so that interactive shells find codex too.
# shellcheck disable=SC2016 # expanded by the user's shell, not here
NPM_GLOBAL_PATH_LINE='export PATH="$HOME/.npm-global/bin:$PATH" # added by codex_component'

# The version `codex --version` reports ("codex-cli 0.58.0" -> 0.58.0), or nothing.
installed_codex_version() {
  local out
  command -v codex >/dev/null 2>&1 || return 0
  out=$(run_bounded 20 codex --version 2>/dev/null </dev/null) || return 0
  out=${out%%$'\n'*}
  out=${out##* }
  printf '%s' "${out#v}"
}

# What to do when npm cannot be had; the last words of every such failure.
NPM_REMEDY="use a workspace image with Node.js and npm, or set install_codex = false and provide codex in the image"

# fetch_to_stdout URL: the body of URL on stdout, with curl, else wget (bounded).
fetch_to_stdout() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 5 --retry-delay 2 --connect-timeout 20 -m 120 "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q --tries=5 --waitretry=2 --timeout=60 -O - "$1"
  else
    return 127
  fi
}

# Make npm available: nvm when neither node nor npm is there.
ensure_npm() {
  local log_file=$1
  command -v npm >/dev/null 2>&1 && return 0
  if command -v node >/dev/null 2>&1; then
    die "node is installed but npm is not: install npm in the workspace image, or set install_codex = false and provide codex yourself"
  fi
  export NVM_DIR="${NVM_DIR:-$HOME/.nvm}"
  # On stdout, so that it shows before the nvm attempt's own lines (stderr of a
  # background step is shown when the step ends).
  log "WARNING: neither node nor npm is on PATH ($PATH): Codex is installed with npm, so the workspace image needs Node.js with npm (remedy: $NPM_REMEDY). Trying to install Node.js with nvm instead, which needs access to github.com and nodejs.org (output in $log_file)"
  if [[ ! -s $NVM_DIR/nvm.sh ]]; then
    if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
      die "neither node, npm, curl nor wget is installed, so Node.js cannot be installed with nvm: $NPM_REMEDY"
    fi
    log "Installing nvm into $NVM_DIR"
    if ! fetch_to_stdout "$NVM_INSTALL_URL" 2>>"$log_file" | bash >>"$log_file" 2>&1; then
      die_with_log "$log_file" "installing nvm from $NVM_INSTALL_URL failed (log: $log_file); $NPM_REMEDY"
    fi
  fi
  log "Installing Node.js LTS with nvm (output in $log_file)"
  # nvm.sh is not written for set -eu.
  set +eu
  # shellcheck source=/dev/null
  source "$NVM_DIR/nvm.sh" >>"$log_file" 2>&1
  nvm install --lts >>"$log_file" 2>&1
  local status=$?
  set -eu
  ((status == 0)) || die_with_log "$log_file" "nvm install --lts failed (exit $status, log: $log_file); $NPM_REMEDY"
  command -v npm >/dev/null 2>&1 ||
    die_with_log "$log_file" "npm is still missing after installing Node.js with nvm (log: $log_file); $NPM_REMEDY"
}

# A Node.js that nvm installed on an earlier start is not on the agent's PATH: select it
# (offline: `nvm use` only picks an installed version) so that an installed codex runs,
# its version can be checked, and nothing is installed again.
use_nvm_node() {
  command -v node >/dev/null 2>&1 && return 0
  local nvm_dir="${NVM_DIR:-$HOME/.nvm}"
  [[ -s $nvm_dir/nvm.sh ]] || return 0
  export NVM_DIR="$nvm_dir"
  # nvm.sh is not written for set -eu.
  set +eu
  # shellcheck source=/dev/null
  source "$NVM_DIR/nvm.sh" >/dev/null 2>&1
  nvm use --silent default >/dev/null 2>&1 || nvm use --silent --lts >/dev/null 2>&1
  set -eu
  command -v node >/dev/null 2>&1 && log "Using Node.js from nvm: $(command -v node)"
  return 0
}

# ~/.npm-global/bin on PATH now, and for the user's shells (one line in ~/.bashrc).
setup_npm_global_path() {
  mkdir -p "$NPM_GLOBAL_DIR/bin"
  prepend_path "$NPM_GLOBAL_DIR/bin"
  if [[ ! -f $HOME/.bashrc ]] || ! grep -qxF -- "$NPM_GLOBAL_PATH_LINE" "$HOME/.bashrc"; then
    printf '%s\n' "$NPM_GLOBAL_PATH_LINE" >>"$HOME/.bashrc"
    log "Added ~/.npm-global/bin to PATH in ~/.bashrc"
  fi
}

# codex_registry_version TAG LOG_FILE: the version the npm registry gives the dist-tag
# TAG, with one metadata request bounded by REGISTRY_LOOKUP_SECONDS; fails when npm is
# missing, the registry cannot be reached or does not know TAG.
REGISTRY_LOOKUP_SECONDS=15
codex_registry_version() {
  local tag=$1 log_file=$2 out
  command -v npm >/dev/null 2>&1 || return 1
  out=$(run_bounded "$REGISTRY_LOOKUP_SECONDS" npm view --fetch-retries=0 --fetch-timeout=10000 \
    "@openai/codex@$tag" version </dev/null 2>>"$log_file") || return 1
  # A tag names one version; npm prints it alone (nothing when the tag is unknown).
  out=${out%$'\n'}
  out=${out##*$'\n'}
  [[ $out =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]] || return 1
  printf '%s' "$out"
}

# codex_is_current VERSION LOG_FILE: true when the installed Codex is what VERSION asks
# for, so nothing needs installing. A pinned version is compared as it is; "" (latest) or
# a dist-tag is first resolved with the registry. When that lookup fails (offline), the
# installed Codex is kept with a warning rather than failing the start.
codex_is_current() {
  local version=$1 log_file=$2 installed tag wanted
  installed=$(installed_codex_version)
  if [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; then
    [[ $installed == "$version" ]] || return 1
    log "Codex $version is already installed; nothing to download"
    return 0
  fi
  [[ -n $installed ]] || return 1
  tag=${version:-latest}
  if ! wanted=$(codex_registry_version "$tag" "$log_file"); then
    warn "could not ask the npm registry which Codex version '$tag' is (offline, or the tag is unknown; details in $log_file): keeping the installed Codex $installed"
    return 0
  fi
  if [[ $wanted == "$installed" ]]; then
    log "Codex $installed is installed and is what '$tag' means on the npm registry; nothing to download"
    return 0
  fi
  log "The npm registry says '$tag' is Codex $wanted (installed: $installed)"
  return 1
}

# install_codex ENABLED VERSION LOG_FILE
install_codex() {
  local enabled=$1 version=$2 log_file=$3 package
  if ! is_true "$enabled"; then
    log "Skipping the Codex install (install_codex = false)"
    return 0
  fi
  setup_npm_global_path
  use_nvm_node
  if codex_is_current "$version" "$log_file"; then
    return 0
  fi
  ensure_npm "$log_file"
  package="@openai/codex"
  [[ -z $version ]] || package="@openai/codex@$version"
  log "Installing $package into ~/.npm-global (output in $log_file)"
  # --prefix for this one command only: the user's npm configuration stays as it was.
  if ! npm install -g --prefix "$NPM_GLOBAL_DIR" "$package" </dev/null >>"$log_file" 2>&1; then
    die_with_log "$log_file" "npm install -g $package failed (log: $log_file). Check the workspace's network and npm registry access and that codex_version exists, or set install_codex = false and provide codex in the image"
  fi
  hash -r
  command -v codex >/dev/null 2>&1 ||
    die_with_log "$log_file" "npm installed $package but no codex command is on PATH ($PATH); check $log_file, or set install_codex = false and provide codex in the image"
  log "Codex installed: $(run_bounded 20 codex --version 2>/dev/null </dev/null || printf 'version unknown')"
}
