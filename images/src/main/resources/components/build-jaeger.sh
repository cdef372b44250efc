#!/usr/bin/env bash
# Builds Jaeger from the Go module proxy only: v1 all-in-one
# (github.com/jaegertracing/jaeger/cmd/all-in-one) or v2 (./cmd/jaeger).
#
# Inputs (environment):
#   VERSION     Jaeger version without "v": 1.x (module v$VERSION, e.g. 1.54.0)
#               or 2.x (module v1.(63+minor).patch, e.g. 2.13.0 -> v1.76.0;
#               checked against the module's CHANGELOG, see below)
#   OUT         absolute path of the binary to produce
#   WORK        scratch directory (created if missing)
#   GOMODCACHE, GOCACHE, GOPATH   set by the caller (a cache outside the repo)
# See BUILDING.md for the why of every step.
set -euo pipefail

NAME=jaeger
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_build_inputs

MODULE="github.com/jaegertracing/jaeger"
case "${VERSION}" in
  1.*.*)
    MODULE_VERSION="v${VERSION}"
    PKG="./cmd/all-in-one"
    VPKG="${MODULE}/pkg/version"
    TAG="${MODULE_VERSION}"
    ;;
  2.*.*)
    # Jaeger v2 is released from the same module as v1 (no /v2 module path):
    # each v2 release is tagged together with a v1 one, 2.N.P = v1.(63+N).P
    # while v1 lasted (its last: v1.76.0 = v2.13.0). The pairing is verified
    # after the download in the module's CHANGELOG ("v1.76.0 / v2.13.0").
    J2_MINOR="${VERSION#2.}"; J2_PATCH="${J2_MINOR#*.}"; J2_MINOR="${J2_MINOR%%.*}"
    case "${J2_MINOR}.${J2_PATCH}" in
      *[!0-9.]* | .* | *. | *.*.*) echo "unsupported Jaeger VERSION ${VERSION} (expected 2.x.y)" >&2; exit 2 ;;
    esac
    MODULE_VERSION="v1.$((63 + 10#${J2_MINOR})).${J2_PATCH}"
    PKG="./cmd/jaeger"
    VPKG="${MODULE}/internal/version"
    TAG="v${VERSION}"   # upstream's BUILD_INFO_V2: the v2 tag
    ;;
  *) echo "unsupported Jaeger VERSION ${VERSION} (expected 1.x.y or 2.x.y)" >&2; exit 2 ;;
esac

# `go install ${MODULE}/cmd/all-in-one@${MODULE_VERSION}` is refused because
# Jaeger's go.mod has a replace directive. Instead build inside the module's
# own directory in GOMODCACHE (so its go.mod, replace and go.sum apply).
# The directory is read-only: build with -mod=readonly (the shipped go.sum is
# complete) and -o into WORK.
download_module "${MODULE}" "${MODULE_VERSION}"
case "${VERSION}" in
  2.*)
    grep -Eq "^(#+ )?${MODULE_VERSION//./\\.} / v${VERSION//./\\.}( |\$)" "${MODDIR}/CHANGELOG.md" || {
      echo "module ${MODULE}@${MODULE_VERSION} is not Jaeger v${VERSION} (its CHANGELOG.md has no '${MODULE_VERSION} / v${VERSION}' entry)" >&2
      exit 1
    }
    log "Jaeger v${VERSION} is module ${MODULE_VERSION} (CHANGELOG.md)"
    ;;
esac
# Same flags as upstream's Makefile (GOBUILD + BUILD_INFO), minus `-tags ui`
# (the UI assets are built with npm and are not in the module zip; without
# the tag the query service serves a placeholder page, the HTTP API is intact).
LDFLAGS="-s -w -X ${VPKG}.latestVersion=${TAG} -X ${VPKG}.commitSHA=${COMMIT:-unknown} -X ${VPKG}.date=${REL_TIME}"

TMP_BIN="${WORK}/jaeger.tmp.$$"
trap 'rm -f "${TMP_BIN}" "${OUT}.partial.$$"' EXIT
log "compiling ${PKG} (go build); this takes several minutes on 2 cores"
(cd "${MODDIR}" && go build -mod=readonly -trimpath -ldflags="${LDFLAGS}" -o "${TMP_BIN}" "${PKG}")
"${TMP_BIN}" version >&2 && echo >&2
install_binary "${TMP_BIN}"
trap - EXIT
