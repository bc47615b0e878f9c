// Listing 10,000 buckets through the SDK's keyset iterator (page_limit + X-Pagination-Marker, IAM
// bearer auth, typed errors) vs the same walk with bare fetch and a token fetched once by hand. The
// emulator runs in a child process so its memory and CPU are not billed to the client heap measured.
// Run after `pnpm --filter @nimbus-sdk/s3aas build` (scripts/bench.mjs runs it with --expose-gc).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUCKETS = 10_000;
const PAGE = 200;
const ROUNDS = 3;

const dist = new URL('../dist/index.js', import.meta.url);
const { createS3aasClient } = await import(dist.href).catch((error) => {
  throw new Error(`cannot load ${fileURLToPath(dist)}; run \`pnpm --filter @nimbus-sdk/s3aas build\` first`, {
    cause: error,
  });
});

function startEmulator() {
  const script = `
    const { startS3aasEmulator } = await import(${JSON.stringify(new URL('../dist/emulator/index.js', import.meta.url).href)});
    const e = await startS3aasEmulator({ seed: { buckets: ${BUCKETS} } });
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
      const info = JSON.parse(out.slice(0, out.indexOf('\n')));
      resolve({ ...info, stop: () => new Promise((done) => child.once('exit', done).stdin.end()) });
    });
  });
}

async function bareToken(url, user) {
  const response = await fetch(`${url}/v1/iam/clients/default/actions/get_token/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username: user.username,
      password: user.password,
      scope: 'project:4d657461-0000-0000-0000-000000000002',
    }),
  });
  return (await response.json()).access_token;
}

async function bareWalk(url, instance, token, onPage) {
  let seen = 0;
  let requests = 0;
  let marker;
  for (;;) {
    const query = new URLSearchParams({ page_limit: String(PAGE) });
    if (marker) query.set('page_marker', marker);
    const response = await fetch(`${url}/v1/types/s3/instances/${instance}/buckets/?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    requests++;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const items = await response.json();
    seen += items.length;
    onPage();
    marker = response.headers.get('x-pagination-marker');
    if (!marker) break;
  }
  return { seen, requests };
}

async function sdkWalk(client, instance, onPage) {
  let seen = 0;
  let requests = 0;
  for await (const page of client.buckets.list(instance, { pageLimit: PAGE }).byPage()) {
    requests++;
    seen += page.items.length;
    onPage();
  }
  return { seen, requests };
}

async function measure(walk) {
  const gc = globalThis.gc ?? (() => {});
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const onPage = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  const started = process.hrtime.bigint();
  const { seen, requests } = await walk(onPage);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (seen !== BUCKETS) throw new Error(`walk saw ${seen} buckets, expected ${BUCKETS}`);
  return { ms, requests, peakMiB: peak / 1024 / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const emulator = await startEmulator();
try {
  const { owner, bucketInstanceId: instance } = emulator.seed;
  const client = createS3aasClient({
    url: emulator.url,
    iam: { url: emulator.url, username: owner.username, password: owner.password },
  });
  const token = await bareToken(emulator.url, owner);
  await measure((onPage) => sdkWalk(client, instance, onPage));
  await measure((onPage) => bareWalk(emulator.url, instance, token, onPage));
  const results = { sdk: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.sdk.push(await measure((onPage) => sdkWalk(client, instance, onPage)));
    results.bare.push(await measure((onPage) => bareWalk(emulator.url, instance, token, onPage)));
  }
  const row = (label, runs) => {
    const ms = median(runs.map((r) => r.ms));
    const requests = runs[0].requests;
    return {
      label,
      ms,
      requests,
      rps: (requests / ms) * 1000,
      ips: (BUCKETS / ms) * 1000,
      heap: median(runs.map((r) => r.peakMiB)),
    };
  };
  const sdk = row('`s3aas.buckets.list()` (SDK keyset iterator)', results.sdk);
  const bare = row('bare `fetch` following `X-Pagination-Marker`', results.bare);
  const lines = [
    '## s3aas: listing 10,000 buckets',
    '',
    `Walks ${BUCKETS.toLocaleString('en')} seeded buckets of one instance of the s3aas emulator (child process) with ` +
      `\`page_limit=${PAGE}\` and the \`X-Pagination-Marker\` header, once through \`createS3aasClient().buckets.list().byPage()\` ` +
      '(Exordos IAM login, bearer token) and once with bare `fetch` and a token fetched by hand. The last page a multiple of ' +
      `the limit leaves is empty, so both make ${BUCKETS / PAGE + 1} requests. Median of ${ROUNDS} alternating rounds after a warm-up; ` +
      'heap is the peak live growth (GC before each sample) while walking. Both are bound by the emulator, which filters and sorts ' +
      'the collection per page, so the ratio shows the SDK overhead.',
    '',
    '| client | requests | time (ms) | requests/s | buckets/s | peak heap growth (MiB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...[sdk, bare].map(
      (r) =>
        `| ${r.label} | ${r.requests} | ${r.ms.toFixed(0)} | ${r.rps.toFixed(1)} | ${r.ips.toFixed(0)} | ${r.heap.toFixed(2)} |`,
    ),
    '',
    `Ratio SDK / bare: time ×${(sdk.ms / bare.ms).toFixed(2)}, requests/s ×${(sdk.rps / bare.rps).toFixed(2)}, peak heap ×${(sdk.heap / Math.max(bare.heap, 0.01)).toFixed(2)}.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await emulator.stop();
}
