// Round trips per second through createTransport vs bare fetch, against one loopback emulator server,
// with plain ky (a dev dependency only, no longer used by the transport) measured alongside as the
// request library the transport used to sit on. Run after `pnpm --filter @nimbus-sdk/core build`: it
// imports the built dist.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTransport } from '@nimbus-sdk/core';
import { startEmulatorServer } from '@nimbus-sdk/core/testing';
import { userAgent } from '@nimbus-sdk/core/transport';
import ky from 'ky';

const ROUNDS = 30;
const SEQUENTIAL_CALLS = 100;
const CONCURRENT_CALLS = 200;
const CONCURRENCY = 16;
const BODY = { id: 'job-1', state: 'running', tags: ['a', 'b'] };

// The server runs in a child process, as a real service runs outside the client: the client's cost
// is then neither hidden behind nor inflated by the server sharing its event loop, and
// process.cpuUsage() below counts the client alone.
if (process.argv[2] === '--serve') {
  const server = await startEmulatorServer({ handler: () => ({ status: 200, body: BODY }) });
  process.send(server.url);
  process.once('message', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  await main();
}

async function main() {
  const child = fork(fileURLToPath(import.meta.url), ['--serve']);
  const [serverUrl] = await once(child, 'message');
  const url = `${serverUrl}/jobs/job-1`;
  const transport = createTransport({ baseUrl: serverUrl, retry: false });
  const plainKy = ky.create({ retry: 0, timeout: false });
  // Every side puts the same headers on the wire as the transport (its User-Agent and a fresh request
  // id), so the server parses the same request and only the client's work differs.
  const agent = userAgent(undefined);
  const sameHeaders = () => ({ 'user-agent': agent, 'x-request-id': crypto.randomUUID() });
  const json = (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  const sides = {
    'bare fetch': async () => json(await fetch(url, { headers: sameHeaders() })),
    // What any fetch client with a per-attempt timeout pays at least: an AbortSignal for fetch to
    // follow and a timer, set and cleared on every call.
    'fetch + timeout signal': async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        return json(await fetch(url, { headers: sameHeaders(), signal: controller.signal }));
      } finally {
        clearTimeout(timer);
      }
    },
    'plain ky': () => plainKy.get(url, { headers: sameHeaders() }).json(),
    transport: async () => (await transport.send({ method: 'GET', path: '/jobs/job-1' })).data,
  };

  /** Wall seconds and client CPU microseconds for `total` calls over `workers` concurrent loops. */
  async function timed(call, total, workers) {
    let remaining = total;
    const loop = async () => {
      while (remaining > 0) {
        remaining--;
        await call();
      }
    };
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: workers }, loop));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    return { seconds, cpuMicros: used.user + used.system };
  }

  async function compare(total, workers) {
    const sums = Object.fromEntries(Object.keys(sides).map((name) => [name, { seconds: 0, cpuMicros: 0 }]));
    for (const call of Object.values(sides)) await timed(call, 300, workers);
    // Many short blocks taken in turn, so drift in the shared machine's load hits every side alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, call] of Object.entries(sides)) {
        const block = await timed(call, total, workers);
        sums[name].seconds += block.seconds;
        sums[name].cpuMicros += block.cpuMicros;
      }
    }
    const calls = ROUNDS * total;
    return Object.fromEntries(
      Object.entries(sums).map(([name, sum]) => [
        name,
        { perSecond: calls / sum.seconds, cpuPerCall: sum.cpuMicros / calls },
      ]),
    );
  }

  try {
    const scenarios = [
      ['sequential', await compare(SEQUENTIAL_CALLS, 1)],
      [`concurrency ${CONCURRENCY}`, await compare(CONCURRENT_CALLS, CONCURRENCY)],
    ];
    const rows = scenarios.map(([label, r]) => {
      const bare = r['bare fetch'];
      const ours = r.transport;
      const kyOnly = r['plain ky'];
      const floor = r['fetch + timeout signal'];
      return `| ${label} | ${bare.perSecond.toFixed(0)} | ${floor.perSecond.toFixed(0)} | ${kyOnly.perSecond.toFixed(0)} | ${ours.perSecond.toFixed(0)} | ${(floor.perSecond / bare.perSecond).toFixed(2)} | ${(ours.perSecond / bare.perSecond).toFixed(2)} | ${bare.cpuPerCall.toFixed(0)} / ${floor.cpuPerCall.toFixed(0)} / ${kyOnly.cpuPerCall.toFixed(0)} / ${ours.cpuPerCall.toFixed(0)} |`;
    });
    console.log(
      [
        '## Transport round trips vs bare fetch',
        '',
        'Method: one loopback emulator server (`startEmulatorServer`, in a child process) answers a small JSON',
        `body; every side does a GET with the same headers (the transport's User-Agent and a fresh x-request-id)`,
        `and parses the JSON, all through Node ${process.versions.node}'s global fetch and its one global dispatcher`,
        '(same connection reuse). "Bare fetch" is that fetch alone. "Fetch + timeout signal" adds only what any',
        'client with a per-attempt timeout must: a fresh AbortController for fetch to follow and a 30 s timer,',
        'cleared after the body is read; it is the floor for the transport, which keeps one such signal and timer',
        'per attempt. "Transport" is `createTransport(...).send()` with no auth and retries off: URL building,',
        'request id, User-Agent, per-attempt abort/timeout, typed errors. "Plain ky" (`ky.get(url).json()`, retries',
        'and timeout off) is a reference only: the transport was built on ky until this bench showed its cost.',
        `After a warm-up, ${ROUNDS} blocks per side are taken in turn (sequential: ${SEQUENTIAL_CALLS} calls one after`,
        `another; concurrent: ${CONCURRENT_CALLS} calls over ${CONCURRENCY} loops); a rate is all calls over the summed time`,
        'of that side. Client CPU per call (µs, from process.cpuUsage) is steadier than wall time on a shared',
        'machine. Ratios are against bare fetch; the target for the transport is at least 0.95.',
        '',
        '| Scenario | bare fetch (req/s) | fetch + timeout signal (req/s) | plain ky (req/s) | transport (req/s) | floor ratio | transport ratio | client CPU µs/call (fetch / fetch + signal / ky / transport) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    child.send('close');
    await once(child, 'exit');
  }
}
