# Shared by the CI scripts that drive a browser (source it): Debian's chromium,
# installed when missing, and the flags every headless run uses (no network
# beyond the page, no first-run work, a fresh profile each time).
need_chromium() {
  if ! command -v chromium >/dev/null; then
    printf '\n== installing chromium\n'
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

# chromium with the shared flags and a fresh profile under $1; the rest are its arguments.
headless_chromium() {
  local profile
  profile=$(mktemp -d -p "$1")
  shift
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}
