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
