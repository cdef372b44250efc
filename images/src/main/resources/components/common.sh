# Shared steps of the build scripts; sourced, not run. Each script sets NAME before sourcing.
# See BUILDING.md for the why of every step.

log() { echo "[build-${NAME}] $*" >&2; }

# Checks the inputs every script takes (VERSION, OUT, WORK and the Go caches), creates the directories and normalises
# WORK to an absolute path.
require_build_inputs() {
  : "${VERSION:?VERSION must be set}"
  : "${OUT:?OUT must be set to the absolute path of the binary}"
  : "${WORK:?WORK must be set to a scratch directory}"
  : "${GOMODCACHE:?}" "${GOCACHE:?}" "${GOPATH:?}"
  export GOMODCACHE GOCACHE GOPATH
  case "${OUT}" in /*) ;; *) echo "OUT must be absolute: ${OUT}" >&2; exit 2 ;; esac
  mkdir -p "${WORK}" "$(dirname "${OUT}")"
  WORK="$(cd "${WORK}" && pwd)"
  export GOWORK=off
  export CGO_ENABLED="${CGO_ENABLED:-0}"
  log "go: $(go version)"
}

# download_module MODULE VERSION: fetches the module through the proxy and sets MODDIR (its read-only directory in
# GOMODCACHE), COMMIT and REL_TIME (the release time the proxy records: reproducible, unlike `date`).
download_module() {
  local module="$1" version="$2" info err info_file
  log "downloading ${module}@${version}"
  # On failure `go mod download -json` exits 1 and reports through the "Error" field.
  info="$(cd "${WORK}" && go mod download -json "${module}@${version}")" || true
  [ -n "${info}" ] || { echo "go mod download ${module}@${version} failed" >&2; exit 1; }
  json_field() { printf '%s\n' "${info}" | sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" | head -n 1; }
  err="$(json_field Error)"
  [ -z "${err}" ] || { echo "go mod download ${module}@${version} failed: ${err}" >&2; exit 1; }
  MODDIR="$(json_field Dir)"
  COMMIT="$(json_field Hash)"
  info_file="$(json_field Info)"
  REL_TIME="$(sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "${info_file}" 2>/dev/null || true)"
  [ -d "${MODDIR}" ] || { echo "module dir not found: ${MODDIR}" >&2; exit 1; }
  log "module dir: ${MODDIR}"
}

# install_binary TMP_BIN: moves a finished binary to OUT atomically (OUT may be on another filesystem than WORK, so it
# is staged next to OUT and renamed), so an interrupted build never leaves a half binary.
install_binary() {
  local tmp_bin="$1"
  cp -f "${tmp_bin}" "${OUT}.partial.$$"
  mv -f "${OUT}.partial.$$" "${OUT}"
  rm -f "${tmp_bin}"
  log "done: ${OUT}"
}
