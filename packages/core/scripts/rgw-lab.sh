#!/usr/bin/env bash
# A throwaway single-host Ceph RGW (one mon, one memstore OSD, radosgw) for S3 tests, loopback only.
# Needs: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd
# Usage: rgw-lab.sh up|down
# Environment: RGW_LAB_DIR (state dir, default ./.rgw-lab), RGW_PORT (7480), MON_PORT (6789),
#              RGW_ACCESS_KEY, RGW_SECRET_KEY (the test user's fixed keys),
#              RGW_MEMSTORE_BYTES (OSD capacity in RAM, default 1 GiB; benches with big objects raise it).
# The daemons log to files in the state dir, so a caller that waits for `up` never hangs on them.
set -euo pipefail
D=${RGW_LAB_DIR:-$PWD/.rgw-lab}
RGW_PORT=${RGW_PORT:-7480}
MON_PORT=${MON_PORT:-6789}
AK=${RGW_ACCESS_KEY:-TESTACCESSKEY0000001}
SK=${RGW_SECRET_KEY:-testsecretkey000000000000000000000000001}

down() {
  # radosgw is slow to leave on SIGTERM: wait up to 10 s per daemon, then SIGKILL.
  for n in rgw osd mon; do
    f="$D/$n.pid"; [ -f "$f" ] || continue
    p=$(cat "$f"); kill "$p" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$D"
}

wait_for() { # tries, then the command
  local tries=$1; shift
  for _ in $(seq 1 "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}

up() {
  down
  mkdir -p "$D"/{mon,osd/ceph-0,log,run,rgw}
  local fsid; fsid=$(node -p "crypto.randomUUID()")
  cat > "$D/ceph.conf" <<CONF
[global]
fsid = $fsid
mon initial members = a
mon host = v1:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
ms bind msgr2 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $D/keyring
run dir = $D/run
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
mon data = $D/mon/\$cluster-\$id
[osd]
osd data = $D/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = ${RGW_MEMSTORE_BYTES:-1073741824}
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $D/rgw
keyring = $D/keyring.rgw
CONF
  export CEPH_CONF="$D/ceph.conf"
  ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$D/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  monmaptool --create --clobber --fsid "$fsid" --addv a "[v1:127.0.0.1:$MON_PORT]" "$D/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
  ceph-mon -i a -f >>"$D/log/mon.out" 2>&1 & echo $! > "$D/mon.pid"
  wait_for 60 ceph -s || { echo "rgw-lab: the monitor did not come up (see $D/log)" >&2; exit 1; }
  local ou oid; ou=$(node -p "crypto.randomUUID()"); oid=$(ceph osd new "$ou")
  ceph auth get-or-create "osd.$oid" mon 'allow profile osd' osd 'allow *' mgr 'allow profile osd' -o "$D/osd/ceph-$oid/keyring"
  ceph-osd -i "$oid" --mkfs --osd-uuid "$ou" --keyring "$D/osd/ceph-$oid/keyring" >>"$D/log/osd.out" 2>&1
  ceph-osd -i "$oid" -f --keyring "$D/osd/ceph-$oid/keyring" >>"$D/log/osd.out" 2>&1 & echo $! > "$D/osd.pid"
  for _ in $(seq 1 60); do ceph osd stat 2>/dev/null | grep -q '1 up' && break; sleep 0.5; done
  # Pre-created pools spare the first bucket, object and multipart upload a ~2 s stall each.
  for p in .rgw.root default.rgw.log default.rgw.control default.rgw.meta default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
    ceph osd pool create "$p" 8 8 >/dev/null 2>&1; ceph osd pool application enable "$p" rgw >/dev/null 2>&1
  done
  ceph auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' -o "$D/keyring.rgw"
  radosgw -f -n client.rgw.a >>"$D/log/rgw.out" 2>&1 & echo $! > "$D/rgw.pid"
  wait_for 120 curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/" || { echo "rgw-lab: radosgw did not answer (see $D/log)" >&2; exit 1; }
  radosgw-admin user create --uid=tester --display-name=Tester --access-key="$AK" --secret="$SK" \
    --caps="users=*;buckets=*;user-policy=*;metadata=read;usage=read" >/dev/null
  echo "RGW up: http://127.0.0.1:$RGW_PORT (pids mon=$(cat "$D/mon.pid") osd=$(cat "$D/osd.pid") rgw=$(cat "$D/rgw.pid"))"
}

case "${1:-}" in up) up ;; down) down ;; *) echo "usage: $0 up|down" >&2; exit 2 ;; esac
