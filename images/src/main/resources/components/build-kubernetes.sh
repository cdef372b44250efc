#!/usr/bin/env bash
# Builds the Kubernetes node and control-plane programs (kube-apiserver, kube-controller-manager, kube-scheduler,
# kubelet, kube-proxy) and the pause binary from the k8s.io/kubernetes module, from the Go module proxy only.
#
# Inputs (environment): VERSION (e.g. 1.29.15), OUT (absolute path of kube-apiserver; the other binaries are written
# next to it), WORK, GOMODCACHE, GOCACHE, GOPATH. See BUILDING.md for the why of every step.
set -euo pipefail

NAME=kubernetes
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_build_inputs

MODULE="k8s.io/kubernetes"
download_module "${MODULE}" "v${VERSION}"
STAGING_VERSION="v0.${VERSION#1.}" # 1.29.15 -> v0.29.15: the published staging modules

SRC="${WORK}/kubernetes-src"
chmod -R u+w "${SRC}" 2>/dev/null || true
rm -rf "${SRC}"
cp -R "${MODDIR}" "${SRC}"
chmod -R u+w "${SRC}"
cd "${SRC}"

# The module zip holds only vendor/modules.txt, which would switch the go command to vendor mode.
rm -rf vendor
# go.mod replaces every staging module with ./staging/src/k8s.io/..., which the zip does not contain: point each
# replace at the published module of the same release instead.
log "replacing the staging modules with their published ${STAGING_VERSION} modules"
staging=$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => \./staging/src/.*#\1#p' go.mod)
[ -n "${staging}" ] || { echo "no staging replaces found in go.mod" >&2; exit 1; }
for m in ${staging}; do
  go mod edit -replace "${m}=${m}@${STAGING_VERSION}"
done
log "$(printf '%s\n' ${staging} | wc -l) staging modules replaced; downloading dependencies"
GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod download

V="v${VERSION}"
MAJOR="${VERSION%%.*}"; MINOR="${VERSION#*.}"; MINOR="${MINOR%%.*}"
LDFLAGS="-s -w"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  LDFLAGS="${LDFLAGS} -X ${p}.gitVersion=${V} -X ${p}.gitMajor=${MAJOR} -X ${p}.gitMinor=${MINOR}"
  LDFLAGS="${LDFLAGS} -X ${p}.gitCommit=${COMMIT:-unknown} -X ${p}.gitTreeState=clean"
  [ -z "${REL_TIME}" ] || LDFLAGS="${LDFLAGS} -X ${p}.buildDate=${REL_TIME}"
done

DEST="$(dirname "${OUT}")"
# kube-apiserver last: OUT marks the whole set as built.
for cmd in kube-scheduler kube-proxy kubelet kube-controller-manager kube-apiserver; do
  start=$(date +%s)
  log "compiling ./cmd/${cmd} (go build)"
  tmp="${WORK}/${cmd}.tmp.$$"
  CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local go build -trimpath -ldflags "${LDFLAGS}" -o "${tmp}" "./cmd/${cmd}"
  cp -f "${tmp}" "${DEST}/${cmd}.partial.$$" && mv -f "${DEST}/${cmd}.partial.$$" "${DEST}/${cmd}" && rm -f "${tmp}"
  log "built ${cmd} in $(( $(date +%s) - start )) s"
  if [ "${cmd}" = kube-scheduler ]; then
    # pause: the pod sandbox's process, from the module's own source.
    log "compiling build/pause/linux/pause.c (gcc -static)"
    gcc -Os -static -DVERSION="${V}" -o "${DEST}/pause" build/pause/linux/pause.c
  fi
done
"${OUT}" --version >&2
log "done: ${DEST}"
