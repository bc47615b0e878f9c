#!/usr/bin/env bash
# Runs a command beside a throwaway local Ceph RGW, with NIMBUS_S3_* pointing at it, and stops RGW
# afterwards whatever the command's outcome. Under CI a missing radosgw fails the run: S3 tests are
# never skipped there. Locally it warns and runs the command without S3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lab="$root/packages/core/scripts/rgw-lab.sh"

if command -v radosgw >/dev/null 2>&1 && command -v ceph-mon >/dev/null 2>&1; then
  free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
  RGW_LAB_DIR=$(mktemp -d "${TMPDIR:-/tmp}/nimbus-rgw.XXXXXX")
  RGW_PORT=$(free_port)
  MON_PORT=$(free_port)
  RGW_ACCESS_KEY=NIMBUSTEST$(node -p "require('crypto').randomBytes(5).toString('hex').toUpperCase()")
  RGW_SECRET_KEY=$(node -p "require('crypto').randomBytes(20).toString('hex')")
  # The OSD keeps objects in RAM and RGW stalls once it is full: `pnpm test` runs the suite on three
  # Node versions against this one RGW (multipart uploads of ims, naas, s3aas and the S3 engine), more
  # than the lab's 1 GiB default, so the Node 24 run timed out. Memory is used only as data is written.
  RGW_MEMSTORE_BYTES=${RGW_MEMSTORE_BYTES:-6442450944}
  export RGW_LAB_DIR RGW_PORT MON_PORT RGW_ACCESS_KEY RGW_SECRET_KEY RGW_MEMSTORE_BYTES
  trap 'bash "$lab" down >/dev/null 2>&1 || true' EXIT INT TERM
  bash "$lab" up
  export NIMBUS_S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" NIMBUS_S3_REGION=us-east-1
  export NIMBUS_S3_ACCESS_KEY="$RGW_ACCESS_KEY" NIMBUS_S3_SECRET_KEY="$RGW_SECRET_KEY"
elif [ "${CI:-}" = "true" ]; then
  echo "with-rgw: radosgw is not installed; run scripts/install-system-deps.sh first" >&2
  exit 1
else
  echo "with-rgw: radosgw is not installed, so tests that need S3 will be skipped (scripts/install-system-deps.sh installs it)" >&2
fi

"$@"
