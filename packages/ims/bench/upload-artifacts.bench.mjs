// upload-artifacts of a 1 GiB rootfs + 10 MiB kernel + 50 MiB initrd to the local RGW, linked in
// the IMS emulator: nimbus (parallel single-read uploads through core's S3 engine) vs the
// ims-python-helper's sequence done with boto3 (MD5 pass, sequential upload_file, HEAD), measured
// in the same run. Each contender runs in its own process (wall time, peak RSS, bytes read).
// Needs `pnpm --filter @nimbus-sdk/ims build`, the local RGW (scripts/with-rgw.sh) with an in-memory
// OSD large enough for the objects (RGW_MEMSTORE_BYTES=6442450944; the default 1 GiB fills up) and
// python3-boto3.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIB = 1024 * 1024;
const ROUNDS = 1;
const env = process.env;
if (!env.NIMBUS_S3_ENDPOINT) {
  process.stdout.write(
    '## ims: upload-artifacts\n\nSkipped: no local RGW (run through scripts/with-rgw.sh).\n',
  );
  process.exit(0);
}
// The lab's in-memory OSD stalls every write once full; 1 GiB (its default) cannot hold both runs.
if (Number(env.RGW_MEMSTORE_BYTES ?? 1024 * MIB) < 4096 * MIB) {
  process.stdout.write(
    '## ims: upload-artifacts\n\nSkipped: the local RGW needs RGW_MEMSTORE_BYTES of at least 4 GiB (e.g. `RGW_MEMSTORE_BYTES=6442450944 pnpm bench ims`).\n',
  );
  process.exit(0);
}
const python = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' });
if (python.status !== 0) {
  process.stdout.write('## ims: upload-artifacts\n\nSkipped: python3-boto3 is not installed.\n');
  process.exit(0);
}

const { startImsEmulator } = await import(new URL('../dist/emulator/index.js', import.meta.url).href);
const { createS3Client } = await import('@nimbus-sdk/core/s3');
const { CreateBucketCommand } = await import('@aws-sdk/client-s3');

const dir = mkdtempSync(join(tmpdir(), 'ims-bench-'));
function makeFile(name, size) {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  const block = randomBytes(MIB);
  for (let written = 0; written < size; written += MIB)
    writeSync(fd, block.subarray(0, Math.min(MIB, size - written)));
  closeSync(fd);
  return path;
}
const artifacts = [
  ['rootfs', 'application/vnd.cray.image.rootfs.squashfs', makeFile('rootfs', 1024 * MIB)],
  ['kernel', 'application/vnd.cray.image.kernel', makeFile('kernel', 10 * MIB)],
  ['initrd', 'application/vnd.cray.image.initrd', makeFile('initrd', 50 * MIB)],
];

const s3 = {
  endpoint: env.NIMBUS_S3_ENDPOINT,
  accessKeyId: env.NIMBUS_S3_ACCESS_KEY,
  secretAccessKey: env.NIMBUS_S3_SECRET_KEY,
};
const bucket = `ims-bench-${randomBytes(3).toString('hex')}`;
await createS3Client({ endpoint: s3.endpoint, credentials: s3 }).send(
  new CreateBucketCommand({ Bucket: bucket }),
);
const emulator = await startImsEmulator({ s3, tokenTtlSeconds: 3600 });
const config = (imageName) =>
  JSON.stringify({
    imsUrl: emulator.imsUrl,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.seed.clientId,
    clientSecret: emulator.seed.clientSecret,
    ...s3,
    bucket,
    imageName,
    artifacts,
  });

/** Runs a contender in a child process; resolves with its JSON line. */
function run(command, args) {
  // Async spawn so the emulator in this process keeps answering.
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()))
        : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

const results = { nimbus: [], helper: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    results.nimbus.push(
      await run(process.execPath, [
        fileURLToPath(new URL('./upload-child.mjs', import.meta.url)),
        config(`nimbus-${round}`),
      ]),
    );
    results.helper.push(
      await run('python3', [
        fileURLToPath(new URL('./helper-sequence.py', import.meta.url)),
        config(`helper-${round}`),
      ]),
    );
  }
} finally {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

const best = (list, field) => Math.min(...list.map((r) => r[field]));
const mib = (bytes) => `${(bytes / MIB).toFixed(0)} MiB`;
const total = (1024 + 10 + 50) * MIB;
const rows = [
  ['wall time (best of ' + ROUNDS + ')', (r) => `${best(r, 'wallSeconds').toFixed(1)} s`, 'wallSeconds'],
  ['peak RSS', (r) => mib(best(r, 'peakRssBytes')), 'peakRssBytes'],
  ['bytes read (rchar)', (r) => mib(best(r, 'readBytes')), 'readBytes'],
];
const lines = rows.map(
  ([label, show, field]) =>
    `| ${label} | ${show(results.nimbus)} | ${show(results.helper)} | ${(best(results.nimbus, field) / best(results.helper, field)).toFixed(2)} |`,
);
process.stdout.write(`## ims: upload-artifacts (1 GiB rootfs + 10 MiB kernel + 50 MiB initrd to RGW)

nimbus \`uploadArtifacts\` (parallel artifacts, 8 MiB parts 4 at a time, one read per file) vs the
ims-python-helper sequence with boto3 (MD5 pass, sequential \`upload_file\`, HEAD), each in its own
process against the same local RGW and IMS emulator, alternating, ${ROUNDS} rounds. Bytes read are the
process's \`rchar\` (files and sockets); the artifacts total ${mib(total)}.

| measure | nimbus | helper (boto3) | nimbus / helper |
| --- | --- | --- | --- |
${lines.join('\n')}
`);
