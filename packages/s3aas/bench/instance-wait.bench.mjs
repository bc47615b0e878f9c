// 500 instances created at once and waited for ACTIVE: the SDK's waiter (core waitFor, backoff from
// 1 s to 15 s with jitter) vs a fixed 15 s poll, the project's own functional tests. The emulator and
// both waiters run on one virtual clock (sleeps advance it), so the comparison is of requests made and
// of how late ACTIVE is noticed, not of wall time. Each instance is ACTIVE 37 s after its create; creates are staggered over 90 virtual seconds.
import { fileURLToPath } from 'node:url';

const INSTANCES = 500;
// Not a multiple of 15 s, so the fixed poll is not lucky enough to land on the transition.
const ACTIVE_AFTER_MS = 37_000;
const dist = new URL('../dist/index.js', import.meta.url);
const { createS3aasClient } = await import(dist.href).catch((error) => {
  throw new Error(`cannot load ${fileURLToPath(dist)}; run \`pnpm --filter @nimbus-sdk/s3aas build\` first`, {
    cause: error,
  });
});
const { startS3aasEmulator } = await import(new URL('../dist/emulator/index.js', import.meta.url).href);

let now = Date.parse('2026-01-01T00:00:00Z');
const emulator = await startS3aasEmulator({
  clock: () => new Date(now),
  delays: { provisioningMs: 10_000, activationMs: 27_000 },
  tokenTtlSeconds: 10 * 86_400,
});

function countingFetch() {
  const counter = { gets: 0 };
  const fetchFn = (input, init) => {
    if ((init?.method ?? 'GET') === 'GET') counter.gets++;
    return fetch(input, init);
  };
  return { counter, fetchFn };
}

/** Runs `wait(id)` for every instance, one virtual-time step at a time, and reports requests + lag. */
async function run(label, wait) {
  const { counter, fetchFn } = countingFetch();
  const client = createS3aasClient({
    url: emulator.url,
    iam: {
      url: emulator.url,
      username: emulator.seed.owner.username,
      password: emulator.seed.owner.password,
    },
    fetch: fetchFn,
  });
  const start = now;
  const created = [];
  for (let i = 0; i < INSTANCES; i++) {
    // Creates spread over 90 virtual seconds, so instances become ACTIVE at different times.
    now = start + Math.floor((i / INSTANCES) * 90_000);
    created.push({
      id: (
        await client.instances.create({
          name: `bench-${i}`,
          cpu: 1,
          ram: 1024,
          disk_size: 10,
          version: emulator.seed.versionId,
        })
      ).uuid,
      createdAt: now,
    });
  }
  now = start;
  const before = counter.gets;
  // A discrete-event loop: every waiter sleeps on the virtual clock; the earliest wake-up runs next.
  const timers = [];
  const sleep = (ms) => new Promise((resolve) => timers.push({ at: now + ms, resolve }));
  const lags = [];
  const done = Promise.all(
    created.map(async ({ id, createdAt }) => {
      while (now < createdAt) await sleep(createdAt - now);
      await wait(client, id, sleep);
      lags.push(now - (createdAt + ACTIVE_AFTER_MS));
    }),
  );
  let finished = false;
  done.then(() => {
    finished = true;
  });
  while (!finished) {
    await new Promise((resolve) => setImmediate(resolve));
    if (timers.length === 0) continue;
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    now = Math.max(now, next.at);
    next.resolve();
  }
  await done;
  const sorted = [...lags].sort((a, b) => a - b);
  return {
    label,
    requests: counter.gets - before,
    meanLag: lags.reduce((a, b) => a + b, 0) / lags.length / 1000,
    p95Lag: sorted[Math.floor(sorted.length * 0.95)] / 1000,
  };
}

const sdk = await run('SDK `waitForInstance` (core waitFor, 1 s → 15 s backoff)', (client, id, sleep) =>
  client.waitForInstance(id, 'ACTIVE', {
    timeoutMs: 3_600_000,
    minDelayMs: 1_000,
    maxDelayMs: 15_000,
    clock: () => now,
    sleep,
  }),
);
await emulator.reset();
const fixed = await run("fixed 15 s poll (the project's functional tests)", async (client, id, sleep) => {
  for (;;) {
    const instance = await client.instances.get(id);
    if (instance.status === 'ACTIVE') return;
    await sleep(15_000);
  }
});
await emulator.close();

const lines = [
  `## s3aas: waiting for ${INSTANCES} instances to be ACTIVE`,
  '',
  `${INSTANCES} instances created over 90 s, each ACTIVE 37 s after its create (emulator NEW 10 s, IN_PROGRESS 27 s), ` +
    'waited for by the SDK waiter and by a fixed 15 s poll. Emulator and waiters share a virtual clock, so these are counts ' +
    'and virtual seconds, not wall time. Lag = how long after turning ACTIVE the waiter noticed.',
  '',
  '| waiter | GET requests | mean lag (s) | p95 lag (s) |',
  '|---|---:|---:|---:|',
  ...[sdk, fixed].map(
    (r) => `| ${r.label} | ${r.requests} | ${r.meanLag.toFixed(1)} | ${r.p95Lag.toFixed(1)} |`,
  ),
  '',
  `Ratio SDK / fixed poll: requests ×${(sdk.requests / fixed.requests).toFixed(2)}, mean lag ×${(sdk.meanLag / Math.max(fixed.meanLag, 0.001)).toFixed(2)}.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
