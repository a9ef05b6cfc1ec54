#!/usr/bin/env bash
# Installs the Debian packages that the tests drive for real, when they are missing:
#   chromium      the playground's end-to-end tests (playwright-core, /usr/bin/chromium)
#   python3-torch the interop tests run PyTorch (forward, torchrun with 2 processes) on /usr/bin/python3
#   python3-onnx  the interop tests check every exported ONNX model with onnx.checker
#   libopenblas0-pthread  OpenBLAS behind libblas.so.3, so PyTorch and NumPy (the bench's reference,
#                 `pnpm bench --pytorch`) run on a real BLAS instead of the slow reference one
# Idempotent and quick when everything is there. Needs root (CI runs as root) or sudo.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import torch" >/dev/null 2>&1 || missing+=(python3-torch python3-numpy)
/usr/bin/python3 -c "import onnx" >/dev/null 2>&1 || missing+=(python3-onnx)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || missing+=(libopenblas0-pthread)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
