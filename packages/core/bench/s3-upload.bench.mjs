// A 1 GiB file uploaded to a local Ceph RGW three ways, each in its own child process:
// `uploadFile` from @nimbus-sdk/core/s3, @aws-sdk/lib-storage's `Upload`, and boto3's
// `upload_file` after an MD5 pass over the file (what the IMS Python helper does to get the
// `md5sum` for its manifest). Reports MiB/s, the child's peak RSS (VmHWM) and the bytes it read
// (rchar from /proc/self/io), and ratios against both alternatives from this same run.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 1024 * 1024 * 1024;
const PART_SIZE = Number(process.env.S3_BENCH_PART_MIB ?? 8) * 1024 * 1024;
const CONCURRENCY = Number(process.env.S3_BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.S3_BENCH_ROUNDS ?? 2);
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0,
);

/** Counters of this process, read the same way in every child (Node or Python). */
function procStats() {
  const io = readFileSync('/proc/self/io', 'utf8');
  const status = readFileSync('/proc/self/status', 'utf8');
  return { rchar: Number(/rchar:\s*(\d+)/.exec(io)[1]), hwmKiB: Number(/VmHWM:\s*(\d+)/.exec(status)[1]) };
}

async function childMain(tool, s3Json, bucket, key, path) {
  const s3 = JSON.parse(s3Json);
  const { createS3Client, uploadFile } = await import(dist('s3/index.js'));
  const client = createS3Client({
    endpoint: s3.endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  let run;
  if (tool === 'uploadFile') {
    run = () => uploadFile({ client, bucket, key, path, partSize: PART_SIZE, concurrency: CONCURRENCY });
  } else {
    const { Upload } = await import('@aws-sdk/lib-storage');
    const { createReadStream } = await import('node:fs');
    run = () =>
      new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: createReadStream(path) },
        partSize: PART_SIZE,
        queueSize: CONCURRENCY,
      }).done();
  }
  const before = procStats();
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const after = procStats();
  process.stdout.write(JSON.stringify({ seconds, rchar: after.rchar - before.rchar, hwmKiB: after.hwmKiB }));
}

const BOTO3 = `
import hashlib, json, re, sys, time, boto3
from botocore.config import Config
s3, bucket, key, path = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def stats():
    io = open('/proc/self/io').read(); st = open('/proc/self/status').read()
    return int(re.search(r'rchar:\\s*(\\d+)', io).group(1)), int(re.search(r'VmHWM:\\s*(\\d+)', st).group(1))
client = boto3.client('s3', endpoint_url=s3['endpoint'], region_name='us-east-1',
    aws_access_key_id=s3['accessKeyId'], aws_secret_access_key=s3['secretAccessKey'],
    config=Config(s3={'addressing_style': 'path'}))
r0, _ = stats(); t0 = time.perf_counter()
md5 = hashlib.md5()
with open(path, 'rb') as f:
    for chunk in iter(lambda: f.read(8 * 1024 * 1024), b''):
        md5.update(chunk)
client.upload_file(path, bucket, key, ExtraArgs={'Metadata': {'md5sum': md5.hexdigest()}})
seconds = time.perf_counter() - t0
r1, hwm = stats()
print(json.dumps({'seconds': seconds, 'rchar': r1 - r0, 'hwmKiB': hwm, 'version': boto3.__version__}))
`;

function runChild(argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${argv[0]} exited ${code}`)),
    );
  });
}

async function writeTestFile(path) {
  const handle = await open(path, 'w');
  const chunk = randomBytes(16 * 1024 * 1024);
  for (let written = 0; written < SIZE; written += chunk.length) {
    chunk.writeUInt32LE(written >>> 0, 0); // no two chunks identical
    await handle.write(chunk);
  }
  await handle.close();
}

async function parentMain() {
  if (!PYTHON) throw new Error('boto3 is missing: run scripts/install-system-deps.sh (Debian python3-boto3)');
  const { startRgwLab } = await import(dist('testing/index.js'));
  const { createS3Client } = await import(dist('s3/index.js'));
  const { CreateBucketCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  // Every upload stays in the OSD's RAM until RGW's garbage collector runs (hours later), so the
  // memstore needs room for all of them.
  process.env.RGW_MEMSTORE_BYTES = String((3 * ROUNDS + 2) * SIZE);
  const rgw = await startRgwLab();
  const dir = await mkdtemp(join(tmpdir(), 'nimbus-s3-bench-'));
  try {
    const s3 = { endpoint: rgw.endpoint, accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey };
    const client = createS3Client({ endpoint: rgw.endpoint, credentials: s3 });
    const bucket = 'bench';
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const path = join(dir, 'image.bin');
    await writeTestFile(path);
    const tools = {
      uploadFile: (key) =>
        runChild([
          process.execPath,
          fileURLToPath(import.meta.url),
          'child',
          'uploadFile',
          JSON.stringify(s3),
          bucket,
          key,
          path,
        ]),
      'lib-storage': (key) =>
        runChild([
          process.execPath,
          fileURLToPath(import.meta.url),
          'child',
          'lib-storage',
          JSON.stringify(s3),
          bucket,
          key,
          path,
        ]),
      boto3: (key) => runChild([PYTHON, '-c', BOTO3, JSON.stringify(s3), bucket, key, path]),
    };
    const results = Object.fromEntries(Object.keys(tools).map((t) => [t, []]));
    let boto3Version = '';
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so no tool always runs on the fullest OSD.
      const chosen = process.env.S3_BENCH_TOOLS?.split(',') ?? Object.keys(tools);
      const order = round % 2 === 0 ? chosen : [...chosen].reverse();
      for (const tool of order) {
        const key = `${tool}-${round}`;
        const r = await tools[tool](key);
        if (r.version) boto3Version = r.version;
        results[tool].push(r);
        process.stderr.write(
          `s3-upload bench: ${tool} round ${round + 1}: ${(SIZE / 2 ** 20 / r.seconds).toFixed(1)} MiB/s\n`,
        );
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      }
    }
    client.destroy();
    report(results, boto3Version);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rgw.stop();
  }
}

function report(results, boto3Version) {
  if (Object.values(results).some((r) => r.length === 0)) return; // a partial run (S3_BENCH_TOOLS) has nothing to compare
  const best = (tool) => results[tool].reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const rate = (r) => SIZE / 2 ** 20 / r.seconds;
  const ours = best('uploadFile');
  const rows = [
    ['`uploadFile` (@nimbus-sdk/core/s3)', ours],
    ['`Upload` (@aws-sdk/lib-storage 3.1000.0)', best('lib-storage')],
    [`boto3 ${boto3Version} \`upload_file\` after an MD5 pass`, best('boto3')],
  ];
  const lines = [
    '## S3 upload of a 1 GiB file (core/s3 `uploadFile` vs lib-storage vs boto3)',
    '',
    `Method: one 1 GiB file of random bytes (in the page cache), uploaded to a throwaway local Ceph RGW (memstore OSD) on 127.0.0.1 by each tool in its own child process, ${ROUNDS} round(s) in alternating order; the best round per tool is shown. All use 8 MiB parts; \`uploadFile\` and lib-storage run 4 parts at a time, boto3 its default 10 threads. \`uploadFile\` computes the whole-file MD5 and every part's MD5 (sent as Content-MD5, checked against the part ETags and the final \`md5-N\` ETag) from its one read; lib-storage computes no MD5 at all; boto3 reads the file once for its MD5 (as the IMS helper does, for \`md5sum\`) and again to upload. MiB/s = 1024 / wall seconds of the upload call (MD5 pass included for boto3). Peak RSS = VmHWM of the child; bytes read = rchar delta of the child around the upload.`,
    '',
    `Machine load during this run (1-minute load average at the end): ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; the machine is shared, so absolute MiB/s move a lot between runs and only the same-run ratios mean much.`,
    '',
    ...markdownTable(
      ['tool', 'MiB/s', 'peak RSS (MiB)', 'bytes read from disk / file size', 'uploadFile speed ratio'],
      rows.map(([name, r]) => [
        name,
        rate(r).toFixed(1),
        (r.hwmKiB / 1024).toFixed(0),
        (r.rchar / SIZE).toFixed(3),
        `${(rate(ours) / rate(r)).toFixed(2)}×`,
      ]),
    ),
    '',
    `Targets: ≥ 1.5× boto3's throughput (measured **${(rate(ours) / rate(best('boto3'))).toFixed(2)}×**), peak RSS ≤ 150 MB (measured **${((ours.hwmKiB * 1024) / 1e6).toFixed(0)} MB**), bytes read = file size (measured **${(ours.rchar / SIZE).toFixed(3)}×**). All rounds (MiB/s): ${Object.entries(
      results,
    )
      .map(([t, rs]) => `${t} ${rs.map((r) => rate(r).toFixed(1)).join(', ')}`)
      .join('; ')}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A table laid out the way the repo's formatter lays it out: first column left, the rest right. */
function markdownTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}

if (process.argv[2] === 'child') {
  await childMain(...process.argv.slice(3));
} else {
  await parentMain();
}
