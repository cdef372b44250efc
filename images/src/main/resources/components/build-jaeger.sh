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

NAME=jaeger
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_build_inputs

MODULE="github.com/jaegertracing/jaeger"
MODULE_VERSION="v${VERSION}"
PKG="./cmd/all-in-one"

# `go install ${MODULE}/cmd/all-in-one@${MODULE_VERSION}` is refused because
# Jaeger's go.mod has a replace directive. Instead build inside the module's
# own directory in GOMODCACHE (so its go.mod, replace and go.sum apply).
# The directory is read-only: build with -mod=readonly (the shipped go.sum is
# complete) and -o into WORK.
download_module "${MODULE}" "${MODULE_VERSION}"
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
install_binary "${TMP_BIN}"
trap - EXIT
