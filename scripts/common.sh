# Shared settings for the scripts in this directory. Source it; do not run it.

# Repository root, whatever the caller's working directory.
SHARECHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHARECHAIN_ROOT

# One target directory for every build on this machine (developers and CI): a cold build of a
# polkadot-sdk node takes ~25 min on 2 cores, a warm one seconds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sharechain/target}"

# The node binary built by `cargo build -p sharechain-node` (debug profile, the same one the
# tests use, so nothing is built twice).
export SHARECHAIN_NODE_BIN="${SHARECHAIN_NODE_BIN:-$CARGO_TARGET_DIR/debug/sharechain-node}"

# cargo and rustup installed by rustup live here.
if [ -d "$HOME/.cargo/bin" ]; then
	export PATH="$HOME/.cargo/bin:$PATH"
fi

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

# The runtime's WASM build must use this workspace's Cargo.lock (see also .cargo/config.toml).
export WASM_BUILD_WORKSPACE_HINT="$SHARECHAIN_ROOT"
