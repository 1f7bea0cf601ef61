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

# Make npm available: nvm when neither node nor npm is there.
ensure_npm() {
  local log_file=$1
  command -v npm >/dev/null 2>&1 && return 0
  if command -v node >/dev/null 2>&1; then
    die "node is installed but npm is not; install npm (or set install_codex = false and provide codex yourself)"
  fi
  export NVM_DIR="${NVM_DIR:-$HOME/.nvm}"
  if [[ ! -s $NVM_DIR/nvm.sh ]]; then
    log "Neither node nor npm found: installing nvm (output in $log_file)"
    command -v curl >/dev/null 2>&1 || die "neither node, npm nor curl is available to install nvm"
    if ! curl -fsSL --retry 5 --retry-delay 2 -m 120 "$NVM_INSTALL_URL" 2>>"$log_file" |
      bash >>"$log_file" 2>&1; then
      die_with_log "$log_file" "installing nvm failed"
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
  ((status == 0)) || die_with_log "$log_file" "nvm install --lts failed (exit $status)"
  command -v npm >/dev/null 2>&1 || die_with_log "$log_file" "npm is still missing after installing Node.js with nvm"
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

# install_codex ENABLED VERSION LOG_FILE
install_codex() {
  local enabled=$1 version=$2 log_file=$3 package installed
  if ! is_true "$enabled"; then
    log "Skipping the Codex install (install_codex = false)"
    return 0
  fi
  setup_npm_global_path
  use_nvm_node
  if [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; then
    installed=$(installed_codex_version)
    if [[ $installed == "$version" ]]; then
      log "Codex $version is already installed; nothing to download"
      return 0
    fi
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
