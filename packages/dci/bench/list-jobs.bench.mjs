// Listing 10,000 jobs through the SDK's lazy paged iterator (DCI2-signed, validated options, typed
// errors) vs the same walk with bare fetch and a minimal hand-written DCI2 signer. The emulator runs
// in a child process so its memory and CPU sorting are not billed to the client heap measured here.
// Run after `pnpm --filter @nimbus-sdk/dci build` (scripts/bench.mjs runs it with --expose-gc).
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const JOBS = 10_000;
const PAGE = 200;
const ROUNDS = 3;

const dist = new URL('../dist/index.js', import.meta.url);
const { createDciClient } = await import(dist.href).catch((error) => {
  throw new Error(`cannot load ${fileURLToPath(dist)}; run \`pnpm --filter @nimbus-sdk/dci build\` first`, {
    cause: error,
  });
});

/** Starts the built emulator with JOBS seeded jobs in a child process. */
function startEmulator() {
  const script = `
    const { startDciEmulator } = await import(${JSON.stringify(new URL('../dist/emulator/index.js', import.meta.url).href)});
    const e = await startDciEmulator({ seed: { jobs: ${JOBS} } });
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

// --- the alternative: bare fetch + a minimal DCI2 signer (python-dciauth v2 layout) -------------
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const rfc3986 = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signDci2(method, url, accessKey, secret, now = new Date()) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = stamp.slice(0, 8);
  const query = [...url.searchParams]
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const canonical = [
    method,
    decodeURIComponent(url.pathname),
    query,
    `host:${url.host}\nx-dci-date:${stamp}\n`,
    'host;x-dci-date',
    sha256(''),
  ].join('\n');
  const scope = `${day}/BHS3/api/dci2_request`;
  const toSign = ['DCI2-HMAC-SHA256', stamp, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`DCI2${secret}`, day), 'BHS3'), 'api'), 'dci2_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    'x-dci-date': stamp,
    authorization: `DCI2-HMAC-SHA256 Credential=${accessKey}/${scope}, SignedHeaders=host;x-dci-date, Signature=${signature}`,
  };
}

async function bareWalk(base, agent, onPage) {
  let seen = 0;
  let requests = 0;
  for (let offset = 0; ; offset += PAGE) {
    const url = new URL(`${base}/api/v1/jobs?limit=${PAGE}&offset=${offset}`);
    const response = await fetch(url, { headers: signDci2('GET', url, agent.clientId, agent.apiSecret) });
    requests++;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.json();
    seen += body.jobs.length;
    onPage();
    if (body.jobs.length === 0 || offset + body.jobs.length >= body._meta.count) break;
  }
  return { seen, requests };
}

async function sdkWalk(client, onPage) {
  let seen = 0;
  let requests = 0;
  for await (const page of client.jobs.list({ pageSize: PAGE }).byPage()) {
    requests++;
    seen += page.items.length;
    onPage();
  }
  return { seen, requests };
}

/** Times one walk and samples the live heap after every page. */
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
  if (seen !== JOBS) throw new Error(`walk saw ${seen} jobs, expected ${JOBS}`);
  return { ms, requests, peakMiB: peak / 1024 / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const emulator = await startEmulator();
try {
  const agent = emulator.seed.remoteci;
  const client = createDciClient({
    url: emulator.url,
    auth: { type: 'signature', clientId: agent.clientId, apiSecret: agent.apiSecret },
  });
  // Warm-up: JIT, keep-alive sockets, the emulator's first sort.
  await measure((onPage) => sdkWalk(client, onPage));
  await measure((onPage) => bareWalk(emulator.url, agent, onPage));
  const results = { sdk: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.sdk.push(await measure((onPage) => sdkWalk(client, onPage)));
    results.bare.push(await measure((onPage) => bareWalk(emulator.url, agent, onPage)));
  }
  const row = (label, runs) => {
    const ms = median(runs.map((r) => r.ms));
    const requests = runs[0].requests;
    return {
      label,
      ms,
      requests,
      rps: (requests / ms) * 1000,
      jps: (JOBS / ms) * 1000,
      heap: median(runs.map((r) => r.peakMiB)),
    };
  };
  const sdk = row('`dci.jobs.list()` (SDK)', results.sdk);
  const bare = row('bare `fetch` + hand-written DCI2 signer', results.bare);
  const lines = [
    '## DCI: listing 10,000 jobs',
    '',
    `Walks ${JOBS.toLocaleString('en')} seeded jobs of the DCI emulator (running in a child process) in pages of ${PAGE}, ` +
      'DCI2-signed, once through `createDciClient().jobs.list().byPage()` and once with bare `fetch` and a ' +
      'minimal signer written in the bench. Median of ' +
      `${ROUNDS} alternating rounds after one warm-up each; heap is the peak live growth (GC before each sample) ` +
      'while walking, items are dropped as they arrive. Both are bound by the emulator (it filters and sorts ' +
      "10,000 rows per page), so the ratio shows the SDK's overhead, not raw HTTP speed.",
    '',
    '| client | requests | time (ms) | requests/s | jobs/s | peak heap growth (MiB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...[sdk, bare].map(
      (r) =>
        `| ${r.label} | ${r.requests} | ${r.ms.toFixed(0)} | ${r.rps.toFixed(1)} | ${r.jps.toFixed(0)} | ${r.heap.toFixed(2)} |`,
    ),
    '',
    `Ratio SDK / bare: time ×${(sdk.ms / bare.ms).toFixed(2)}, requests/s ×${(sdk.rps / bare.rps).toFixed(2)}, peak heap ×${(sdk.heap / Math.max(bare.heap, 0.01)).toFixed(2)}.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await emulator.stop();
}
