#!/usr/bin/env bash
# Builds Prometheus (github.com/prometheus/prometheus/cmd/prometheus) from the
# Go module proxy only. Prometheus 2.x is published as Go module v0.x
# (2.47.2 -> github.com/prometheus/prometheus@v0.47.2).
#
# Inputs (environment):
#   VERSION     Prometheus version, e.g. 2.47.2
#   OUT         absolute path of the binary to produce
#   WORK        scratch directory (created if missing)
#   GOMODCACHE, GOCACHE, GOPATH   set by the caller (a cache outside the repo)
#   PROMETHEUS_SD_PLUGINS   optional: "minimal" (default) or "all", see below
# See BUILDING.md for the why of every step.
set -euo pipefail

: "${VERSION:?VERSION must be set, e.g. 2.47.2}"
: "${OUT:?OUT must be set to the absolute path of the binary}"
: "${WORK:?WORK must be set to a scratch directory}"
: "${GOMODCACHE:?}" "${GOCACHE:?}" "${GOPATH:?}"
export GOMODCACHE GOCACHE GOPATH

MODULE="github.com/prometheus/prometheus"
case "${VERSION}" in
  2.*) MODULE_VERSION="v0.${VERSION#2.}" ;;   # 2.47.2 -> v0.47.2
  *) echo "unsupported Prometheus VERSION ${VERSION} (expected 2.x.y)" >&2; exit 2 ;;
esac
PKG="./cmd/prometheus"
# Service-discovery plugins: "minimal" keeps only what upstream always links
# (static_configs, file_sd, http_sd: plugins/minimum.go) and drops the 22
# optional ones from plugins.yml (kubernetes, aws, azure, consul, gce, ...),
# which removes k8s client-go and the cloud SDKs from the build. "all" builds
# upstream's default set.
PROMETHEUS_SD_PLUGINS="${PROMETHEUS_SD_PLUGINS:-minimal}"

log() { echo "[build-prometheus] $*" >&2; }

case "${OUT}" in /*) ;; *) echo "OUT must be absolute: ${OUT}" >&2; exit 2 ;; esac
mkdir -p "${WORK}" "$(dirname "${OUT}")"
WORK="$(cd "${WORK}" && pwd)"
export GOWORK=off
export CGO_ENABLED="${CGO_ENABLED:-0}"

log "go: $(go version)"

# `go install ${MODULE}/cmd/prometheus@${MODULE_VERSION}` is refused because
# Prometheus' go.mod has replace/exclude directives. Build inside a copy of
# the module directory from GOMODCACHE instead (its go.mod, replaces and
# go.sum apply); a copy because the plugin list is regenerated in place and
# the GOMODCACHE directory is read-only.
log "downloading ${MODULE}@${MODULE_VERSION}"
INFO_JSON="$(cd "${WORK}" && go mod download -json "${MODULE}@${MODULE_VERSION}")"
json_field() { printf '%s\n' "${INFO_JSON}" | sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" | head -n 1; }
ERR="$(json_field Error)"
[ -z "${ERR}" ] || { echo "go mod download failed: ${ERR}" >&2; exit 1; }
MODDIR="$(json_field Dir)"
COMMIT="$(json_field Hash)"
# Release time recorded by the proxy (reproducible, unlike `date`).
INFO_FILE="$(json_field Info)"
REL_TIME="$(sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "${INFO_FILE}" 2>/dev/null || true)"
[ -d "${MODDIR}" ] || { echo "module dir not found: ${MODDIR}" >&2; exit 1; }
log "module dir: ${MODDIR}"

SRC="${WORK}/prometheus-src"
chmod -R u+w "${SRC}" 2>/dev/null || true
rm -rf "${SRC}"
cp -R "${MODDIR}" "${SRC}"
chmod -R u+w "${SRC}"
cd "${SRC}"

case "${PROMETHEUS_SD_PLUGINS}" in
  minimal)
    # Upstream's own mechanism (Makefile target `plugins`): plugins.yml lists
    # the optional SD packages and `go generate -tags plugins ./plugins`
    # rewrites plugins/plugins.go from it. An empty list yields an empty
    # package; plugins/minimum.go (file, http) is untouched.
    log "dropping optional service-discovery plugins (plugins.yml -> [])"
    echo "[]" > plugins.yml
    go generate -mod=readonly -tags plugins ./plugins
    ;;
  all) log "keeping all service-discovery plugins" ;;
  *) echo "PROMETHEUS_SD_PLUGINS must be minimal or all" >&2; exit 2 ;;
esac

# Tags as in upstream .promu.yml minus `builtinassets` (the React UI is built
# with npm and not in the module zip; the HTTP API does not need it).
VP="github.com/prometheus/common/version"
LDFLAGS="-s -w -X ${VP}.Version=${VERSION} -X ${VP}.Revision=${COMMIT:-unknown} -X ${VP}.Branch=HEAD -X ${VP}.BuildUser=otel-tutorial-harness"
if [ -n "${REL_TIME}" ]; then
  LDFLAGS="${LDFLAGS} -X ${VP}.BuildDate=$(date -u -d "${REL_TIME}" +%Y%m%d-%H:%M:%S)"
fi

TMP_BIN="${WORK}/prometheus.tmp.$$"
trap 'rm -f "${TMP_BIN}" "${OUT}.partial.$$"' EXIT
log "compiling ${PKG} (go build); this takes several minutes on 2 cores"
go build -mod=readonly -trimpath -tags netgo,stringlabels -ldflags="${LDFLAGS}" -o "${TMP_BIN}" "${PKG}"
"${TMP_BIN}" --version >&2
# OUT may be on another filesystem than WORK: stage next to OUT, then rename.
cp -f "${TMP_BIN}" "${OUT}.partial.$$"
mv -f "${OUT}.partial.$$" "${OUT}"
rm -f "${TMP_BIN}"
trap - EXIT
log "done: ${OUT}"
