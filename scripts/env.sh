# Sourced by the other scripts: puts the project's pinned tools first on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
