# ensure_packages PKG...: installs the Debian packages that are missing (apt-get, with sudo when
# not root). Sourced by the scripts in scripts/.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "error: missing packages (${missing[*]}) and no apt-get to install them" >&2
    return 1
  fi
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ensure_command CMD PKG...: installs PKG... (Debian packages) only when CMD is not on the PATH,
# so a tool that came from elsewhere (Node.js and npm from NodeSource, say) is left alone.
ensure_command() {
  local cmd=$1
  shift
  command -v "$cmd" >/dev/null 2>&1 || ensure_packages "$@"
}
