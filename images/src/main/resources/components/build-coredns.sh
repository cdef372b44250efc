#!/usr/bin/env bash
# Builds CoreDNS (github.com/coredns/coredns) from the Go module proxy only.
# Inputs (environment): VERSION (e.g. 1.11.1), OUT, WORK, GOMODCACHE, GOCACHE, GOPATH. See BUILDING.md.
set -euo pipefail

NAME=coredns
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_build_inputs

MODULE="github.com/coredns/coredns"
download_module "${MODULE}" "v${VERSION}"

SRC="${WORK}/coredns-src"
chmod -R u+w "${SRC}" 2>/dev/null || true
rm -rf "${SRC}"
cp -R "${MODDIR}" "${SRC}"
chmod -R u+w "${SRC}"
cd "${SRC}"

# inet.af/netaddr is refused by the module proxy; the same code is published under its GitHub path.
if grep -q 'inet.af/netaddr' go.mod; then
  log "replacing inet.af/netaddr with github.com/inetaf/netaddr"
  go mod edit -replace inet.af/netaddr=github.com/inetaf/netaddr@v0.0.0-20220811202034-502d2d690317
fi
GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod download

TMP_BIN="${WORK}/coredns.tmp.$$"
trap 'rm -f "${TMP_BIN}" "${OUT}.partial.$$"' EXIT
log "compiling . (go build); about two minutes on 2 cores"
GOFLAGS=-mod=mod GOTOOLCHAIN=local go build -trimpath \
  -ldflags "-s -w -X github.com/coredns/coredns/coremain.GitCommit=${COMMIT:-unknown}" -o "${TMP_BIN}" .
"${TMP_BIN}" -version >&2
install_binary "${TMP_BIN}"
trap - EXIT
