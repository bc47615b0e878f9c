// Round trips per second through createTransport vs bare fetch, against one loopback emulator server,
// with plain ky (a dev dependency only, no longer used by the transport) measured alongside as the
// request library the transport used to sit on. Run after `pnpm --filter @nimbus-sdk/core build`: it
// imports the built dist.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTransport } from '@nimbus-sdk/core';
import { startEmulatorServer } from '@nimbus-sdk/core/testing';
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

  const sides = {
    'bare fetch': async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
    'plain ky': () => plainKy.get(url).json(),
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
      return `| ${label} | ${bare.perSecond.toFixed(0)} | ${kyOnly.perSecond.toFixed(0)} | ${ours.perSecond.toFixed(0)} | ${(ours.perSecond / bare.perSecond).toFixed(2)} | ${bare.cpuPerCall.toFixed(0)} / ${kyOnly.cpuPerCall.toFixed(0)} / ${ours.cpuPerCall.toFixed(0)} |`;
    });
    console.log(
      [
        '## Transport round trips vs bare fetch',
        '',
        'Method: one loopback emulator server (`startEmulatorServer`, in a child process) answers a small JSON',
        `body; every side does a GET and parses the JSON. "Bare fetch" is Node ${process.versions.node}'s global`,
        'fetch; "transport" is `createTransport(...).send()` with no auth and retries off, which calls that fetch',
        'directly and pays for URL building, request ids, User-Agent, per-attempt abort/timeout wiring and',
        'typed errors. "Plain ky" (`ky.get(url).json()`, retries and timeout off) is a reference only: the',
        "transport was built on ky until this bench showed ky costing a third of bare fetch's throughput.",
        `After a warm-up, ${ROUNDS} blocks per side are taken in turn (sequential: ${SEQUENTIAL_CALLS} calls one after`,
        `another; concurrent: ${CONCURRENT_CALLS} calls over ${CONCURRENCY} loops); a rate is all calls over the summed time`,
        'of that side. Client CPU per call (µs, from process.cpuUsage) is steadier than wall time on a shared',
        'machine. Ratio = transport / bare fetch; target at least 0.80.',
        '',
        '| Scenario | bare fetch (req/s) | plain ky (req/s) | transport (req/s) | ratio | client CPU µs/call (fetch / ky / transport) |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    child.send('close');
    await once(child, 'exit');
  }
}
