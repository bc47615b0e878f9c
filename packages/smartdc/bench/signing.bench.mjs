// CloudAPI over HTTP against the emulator: signed requests per second with an RSA key file vs the
// same key signing through a real ssh-agent, and 500 concurrent create + wait with the client's
// shared machine watcher vs node-triton's fixed 1-second GetMachine loop (requests sent and wall
// time until all are `running`).
// Run after `pnpm --filter @nimbus-sdk/smartdc build`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSmartdcEmulator } from '../dist/emulator/index.js';
import { createSmartdcClient } from '../dist/index.js';

const REQUESTS = 400;
const CONCURRENCY = 8;
const MACHINES = 500;
const PROVISION_MS = 8_000;
const WAIT_ROUNDS = 2;

const dir = mkdtempSync(join(tmpdir(), 'smartdc-bench-'));
const keyFile = join(dir, 'id_rsa');
execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '', '-f', keyFile]);
const publicKey = readFileSync(`${keyFile}.pub`, 'utf8');
const socketPath = join(dir, 'agent.sock');
const agent = spawn('ssh-agent', ['-D', '-a', socketPath], { stdio: 'ignore' });

async function main() {
  for (let i = 0; !existsSync(socketPath); i++) {
    if (i > 200) throw new Error('ssh-agent did not start');
    await sleep(25);
  }
  execFileSync('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socketPath }, stdio: 'ignore' });

  const emulator = await startSmartdcEmulator({ delays: { provisionMs: PROVISION_MS } });
  const key = emulator.addKey(publicKey);
  const base = { url: emulator.url, account: emulator.account, keyId: key.fingerprint, home: dir };
  const withFile = createSmartdcClient({ ...base, key: keyFile });
  const withAgent = createSmartdcClient({ ...base, agent: { socketPath } });

  async function throughput(client) {
    await client.account.get(); // locate the key and warm the connection first
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) await client.account.get();
      }),
    );
    return REQUESTS / ((performance.now() - started) / 1000);
  }
  // Alternate the two twice so neither gets only the cold or only the warm half of the run.
  const fileRates = [];
  const agentRates = [];
  for (let round = 0; round < 2; round++) {
    fileRates.push(await throughput(withFile));
    agentRates.push(await throughput(withAgent));
  }
  const fileRate = Math.max(...fileRates);
  const agentRate = Math.max(...agentRates);

  // The wait runs count what the client sends (retries included): GetMachine and ListMachines.
  const calls = { get: 0, list: 0 };
  const machinesPath = `/${emulator.account}/machines`;
  const counted = createSmartdcClient({
    ...base,
    key: keyFile,
    // 500 signed creates queue behind each other on a shared 2-core machine: the default 30 s per
    // attempt is for one request, not for the back of that queue.
    timeoutMs: 120_000,
    fetch: (input, init) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if ((init?.method ?? 'GET') === 'GET') {
        if (path === machinesPath) calls.list += 1;
        else if (path.startsWith(`${machinesPath}/`)) calls.get += 1;
      }
      return fetch(input, init);
    },
  });
  const image = (await counted.images.resolve('base64')).id;
  async function waits(waitOne) {
    emulator.reset();
    emulator.addKey(publicKey);
    calls.get = 0;
    calls.list = 0;
    const started = performance.now();
    // Each machine is waited for right after its own create, as `machine create --wait` does.
    await Promise.all(
      Array.from({ length: MACHINES }, async () => {
        const machine = await counted.machines.create({ image, package: 'g4-highcpu-256M' });
        await waitOne(machine.id);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `waits: ${calls.get} GetMachine, ${calls.list} ListMachines, ${seconds.toFixed(1)} s\n`,
    );
    return { ...calls, requests: calls.get + calls.list, seconds };
  }
  const watched = (id) => counted.waitForMachineState(id, 'running', { timeoutMs: 120_000 });
  // node-triton's waitForMachineStates: GetMachine every 1000 ms until the state matches.
  const loop = async (id) => {
    while ((await counted.machines.get(id)).state !== 'running') await sleep(1000);
  };
  // Alternating rounds, so neither side gets only the busier half of a shared machine's run.
  const oursRuns = [];
  const fixedRuns = [];
  for (let round = 0; round < WAIT_ROUNDS; round++) {
    oursRuns.push(await waits(watched));
    fixedRuns.push(await waits(loop));
  }
  const fastest = (runs) => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
  const ours = fastest(oursRuns);
  const fixed = fastest(fixedRuns);
  await emulator.close();

  const f = (n, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  process.stdout.write(`## smartdc: HTTP Signature requests and machine waits

Method: one run on this machine against the CloudAPI emulator on 127.0.0.1 (its own signature
verification included). Throughput: ${REQUESTS} \`GET /:login\` requests, ${CONCURRENCY} in flight, each signed
\`(request-target) date\` with one RSA-2048 key, read from a key file or held by a real \`ssh-agent\`
(unix socket round trip per signature); best of two alternating rounds. The emulator verifies in the
same Node process, so with a key file signing and verifying share one event loop, while the agent
signs in its own process on the other core. Waits: ${MACHINES} machines
created at once, each provisioning for ${PROVISION_MS / 1000} s and waited for right after its create, until all are
\`running\`; requests = GetMachine + ListMachines sent by the client (counted in its \`fetch\`, creates
excluded), wall time from the first create to the last machine seen running; ${WAIT_ROUNDS} alternating rounds,
the faster round of each shown. \`waitForMachineState\` joins the client's shared machine watcher:
each second one ListMachines walk (1000 a page) serves every pending wait, and a machine missing from
it is confirmed with one GetMachine. The alternative is a fixed 1-second GetMachine loop per machine
(node-triton's \`waitForMachineStates\`; py-smartdc's \`poll_until\` uses 2 s and never stops). Every
request is RSA-signed and verified on 2 shared cores, so wall times include CPU queueing.

| signing | requests/s | ratio |
|---|---:|---:|
| key file | ${f(fileRate)} | 1.00 |
| ssh-agent | ${f(agentRate)} | ${f(agentRate / fileRate, 2)} |

| ${MACHINES} concurrent create + wait | GetMachine | ListMachines | requests vs fixed loop | wall time (s) | wall time vs fixed loop |
|---|---:|---:|---:|---:|---:|
| waitForMachineState (shared watcher) | ${f(ours.get)} | ${f(ours.list)} | ${f(ours.requests / fixed.requests, 3)} | ${f(ours.seconds, 1)} | ${f(ours.seconds / fixed.seconds, 2)} |
| fixed 1 s GetMachine loop | ${f(fixed.get)} | ${f(fixed.list)} | 1.000 | ${f(fixed.seconds, 1)} | 1.00 |

Machine load at the end of the run (1-minute load average): ${f(loadavg()[0], 1)} on ${cpus().length} cores.

All rounds (requests, seconds): watcher ${oursRuns.map((r) => `${r.requests}, ${f(r.seconds, 1)}`).join('; ')}; loop ${fixedRuns.map((r) => `${r.requests}, ${f(r.seconds, 1)}`).join('; ')}.
`);
}

try {
  await main();
} finally {
  agent.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
