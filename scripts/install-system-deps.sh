#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages: Ceph RGW (a real S3 server), OpenSSH's
# ssh-agent/ssh-keygen, openssl, and Debian's boto3 (the S3 upload bench's Python baseline). Skips what is already there, so it is cheap on a warm machine.
set -euo pipefail
need=()
command -v radosgw >/dev/null 2>&1 || need+=(radosgw)
command -v ceph-mon >/dev/null 2>&1 || need+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1 || need+=(ceph-osd)
command -v ssh-agent >/dev/null 2>&1 || need+=(openssh-client)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The system interpreter, not whatever python3 a version manager puts first on PATH.
/usr/bin/python3 -c 'import boto3' >/dev/null 2>&1 || need+=(python3-boto3)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-system-deps: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-system-deps: installing ${need[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
