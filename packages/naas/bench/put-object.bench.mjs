// `nimbus naas storage put-object` of a 512 MiB file vs boto3's `upload_file` (what naas-python
// calls) to the same local Ceph RGW, in the same run: wall time and peak RSS of each whole process.
// The Naas emulator runs in its own process and hands out the RGW's keys, as the sandbox does.
// Needs the RGW of scripts/with-rgw.sh (NIMBUS_S3_*), python3 with boto3, and a built package.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512 * 1024 * 1024;
// One round each: the lab RGW keeps objects in a 1 GiB memstore, and each object is deleted after its run.
const ROUNDS = 1;
const endpoint = process.env.NIMBUS_S3_ENDPOINT;
const accessKeyId = process.env.NIMBUS_S3_ACCESS_KEY;
const secretAccessKey = process.env.NIMBUS_S3_SECRET_KEY;
if (!endpoint || !accessKeyId || !secretAccessKey) {
  throw new Error('no RGW: run through `bash scripts/with-rgw.sh node scripts/bench.mjs naas`');
}
const bucket = `naas-bench-${randomBytes(3).toString('hex')}`;
const runner = fileURLToPath(new URL('../test/fixtures/run-naas.mjs', import.meta.url));

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M %e', command, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited ${code}: ${err.slice(-600)}`));
      const [rssKb, seconds] = err.trim().split('\n').at(-1).split(' ').map(Number);
      resolve({ rssMiB: rssKb / 1024, seconds, out });
    });
  });
}

function startEmulator() {
  const script = `
    const { startNaasEmulator } = await import(${JSON.stringify(new URL('../dist/emulator/index.js', import.meta.url).href)});
    const e = await startNaasEmulator({ s3: ${JSON.stringify({ endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, bucket })} });
    process.stdout.write(JSON.stringify({ url: e.url, seed: e.seed }) + '\\n');
    process.stdin.on('end', () => e.close().then(() => process.exit(0)));
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (!out.includes('\n')) return;
      resolve({
        ...JSON.parse(out.slice(0, out.indexOf('\n'))),
        stop: () => new Promise((done) => child.once('exit', done).stdin.end()),
      });
    });
  });
}

const deleteScript = `
import sys, boto3
endpoint, key, secret, bucket, object_key = sys.argv[1:]
boto3.client('s3', endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret, region_name='us-east-1').delete_object(Bucket=bucket, Key=object_key)
`;
const removeObject = (objectKey) =>
  run('python3', ['-c', deleteScript, endpoint, accessKeyId, secretAccessKey, bucket, objectKey], {
    PATH: process.env.PATH,
  });

const boto3Script = `
import sys, boto3
from boto3.s3.transfer import TransferConfig
endpoint, key, secret, bucket, path, object_key = sys.argv[1:]
s3 = boto3.client('s3', endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret, region_name='us-east-1')
s3.upload_file(path, bucket, object_key, Config=TransferConfig())
`;

const dir = await mkdtemp(join(tmpdir(), 'naas-bench-'));
const file = join(dir, 'payload.bin');
try {
  // 512 MiB of incompressible bytes, written once (1 MiB random block repeated with a varying head).
  const handle = await open(file, 'w');
  const block = randomBytes(1024 * 1024);
  for (let i = 0; i < SIZE / block.length; i++) {
    block.writeUInt32BE(i, 0);
    await handle.write(block);
  }
  await handle.close();
  const emulator = await startEmulator();
  const home = join(dir, 'home');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
    NAAS_PYTHON_API_BASE_URL: emulator.url,
    NAAS_CREDENTIALS_JWT_TOKEN: emulator.seed.token,
    AWS_ENDPOINT_URL_S3: endpoint,
  };
  const ws = emulator.seed.workspaceId;
  const results = { nimbus: [], boto3: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.nimbus.push(
      await run(
        process.execPath,
        [
          runner,
          'naas',
          'storage',
          'put-object',
          '--workspace',
          ws,
          '--storage',
          'default-storage',
          '--source',
          file,
          '--destination',
          `nimbus-${round}.bin`,
          '--json',
        ],
        env,
      ),
    );
    await removeObject(`${ws}/default-storage/nimbus-${round}.bin`);
    results.boto3.push(
      await run(
        'python3',
        [
          '-c',
          boto3Script,
          endpoint,
          accessKeyId,
          secretAccessKey,
          bucket,
          file,
          `${ws}/default-storage/boto3-${round}.bin`,
        ],
        { PATH: process.env.PATH, HOME: home },
      ),
    );
    await removeObject(`${ws}/default-storage/boto3-${round}.bin`);
  }
  await emulator.stop();
  const best = (list, key) => Math.min(...list.map((r) => r[key]));
  const n = { s: best(results.nimbus, 'seconds'), rss: best(results.nimbus, 'rssMiB') };
  const b = { s: best(results.boto3, 'seconds'), rss: best(results.boto3, 'rssMiB') };
  const mib = SIZE / 2 ** 20;
  process.stdout.write(`## naas: storage put-object of 512 MiB vs boto3 upload_file

Method: one 512 MiB file uploaded by each in turn (${ROUNDS} round), to the same local Ceph RGW.
nimbus: the built \`nimbus naas storage put-object\` (a fresh process: CLI start, token, storage
credentials from the Naas emulator, then the core S3 engine: 8 MiB parts, 4 in flight, MD5 and
multipart ETag verified). boto3 ${'`upload_file`'} with its default TransferConfig (8 MiB parts, 10 threads), the
call naas-python makes, given the keys directly. Wall time and peak RSS of the whole process
(\`/usr/bin/time\`), one run each.

| client | time (s) | MiB/s | peak RSS (MiB) |
| --- | ---: | ---: | ---: |
| nimbus naas storage put-object | ${n.s.toFixed(1)} | ${(mib / n.s).toFixed(0)} | ${n.rss.toFixed(0)} |
| boto3 upload_file | ${b.s.toFixed(1)} | ${(mib / b.s).toFixed(0)} | ${b.rss.toFixed(0)} |

Ratios (nimbus / boto3): time ${(n.s / b.s).toFixed(2)}, peak RSS ${(n.rss / b.rss).toFixed(2)}.
`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
