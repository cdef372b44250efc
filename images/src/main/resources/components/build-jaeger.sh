#!/usr/bin/env bash
# Builds Jaeger all-in-one (github.com/jaegertracing/jaeger/cmd/all-in-one)
# from the Go module proxy only.
#
# Inputs (environment):
#   VERSION     Jaeger version without "v", e.g. 1.54.0 (module v$VERSION)
#   OUT         absolute path of the binary to produce
#   WORK        scratch directory (created if missing)
#   GOMODCACHE, GOCACHE, GOPATH   set by the caller (a cache outside the repo)
# See BUILDING.md for the why of every step.
set -euo pipefail

: "${VERSION:?VERSION must be set, e.g. 1.54.0}"
: "${OUT:?OUT must be set to the absolute path of the binary}"
: "${WORK:?WORK must be set to a scratch directory}"
: "${GOMODCACHE:?}" "${GOCACHE:?}" "${GOPATH:?}"
export GOMODCACHE GOCACHE GOPATH

MODULE="github.com/jaegertracing/jaeger"
MODULE_VERSION="v${VERSION}"
PKG="./cmd/all-in-one"

log() { echo "[build-jaeger] $*" >&2; }

case "${OUT}" in /*) ;; *) echo "OUT must be absolute: ${OUT}" >&2; exit 2 ;; esac
mkdir -p "${WORK}" "$(dirname "${OUT}")"
WORK="$(cd "${WORK}" && pwd)"
export GOWORK=off
export CGO_ENABLED="${CGO_ENABLED:-0}"

log "go: $(go version)"

# `go install ${MODULE}/cmd/all-in-one@${MODULE_VERSION}` is refused because
# Jaeger's go.mod has a replace directive. Instead build inside the module's
# own directory in GOMODCACHE (so its go.mod, replace and go.sum apply).
# The directory is read-only: build with -mod=readonly (the shipped go.sum is
# complete) and -o into WORK.
log "downloading ${MODULE}@${MODULE_VERSION}"
# On failure `go mod download -json` exits 1 and reports via the "Error" field.
INFO_JSON="$(cd "${WORK}" && go mod download -json "${MODULE}@${MODULE_VERSION}")" || true
json_field() { printf '%s\n' "${INFO_JSON}" | sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" | head -n 1; }
ERR="$(json_field Error)"
[ -z "${ERR}" ] || { echo "go mod download ${MODULE}@${MODULE_VERSION} failed: ${ERR}" >&2; exit 1; }
[ -n "${INFO_JSON}" ] || { echo "go mod download ${MODULE}@${MODULE_VERSION} failed" >&2; exit 1; }
MODDIR="$(json_field Dir)"
COMMIT="$(json_field Hash)"
# Release time recorded by the proxy (reproducible, unlike `date`).
INFO_FILE="$(json_field Info)"
REL_TIME="$(sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "${INFO_FILE}" 2>/dev/null || true)"
[ -d "${MODDIR}" ] || { echo "module dir not found: ${MODDIR}" >&2; exit 1; }
log "module dir: ${MODDIR}"

# Same flags as upstream's Makefile (GOBUILD + BUILD_INFO), minus `-tags ui`
# (the UI assets are built with npm and are not in the module zip; without
# the tag the query service serves a placeholder page, the HTTP API is intact).
VPKG="${MODULE}/pkg/version"
LDFLAGS="-s -w -X ${VPKG}.latestVersion=${MODULE_VERSION} -X ${VPKG}.commitSHA=${COMMIT:-unknown} -X ${VPKG}.date=${REL_TIME}"

TMP_BIN="${WORK}/jaeger-all-in-one.tmp.$$"
trap 'rm -f "${TMP_BIN}" "${OUT}.partial.$$"' EXIT
log "compiling ${PKG} (go build); this takes several minutes on 2 cores"
(cd "${MODDIR}" && go build -mod=readonly -trimpath -ldflags="${LDFLAGS}" -o "${TMP_BIN}" "${PKG}")
"${TMP_BIN}" version >&2 && echo >&2
# OUT may be on another filesystem than WORK: stage next to OUT, then rename.
cp -f "${TMP_BIN}" "${OUT}.partial.$$"
mv -f "${OUT}.partial.$$" "${OUT}"
rm -f "${TMP_BIN}"
trap - EXIT
log "done: ${OUT}"
