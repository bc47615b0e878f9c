// CloudAPI over HTTP against the emulator: signed requests per second with an RSA key file vs the
// same key signing through a real ssh-agent, and 500 concurrent machine waits with our backoff
// waiter vs node-triton's fixed 1-second polling loop (requests sent to reach `running`).
// Run after `pnpm --filter @nimbus-sdk/smartdc build`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSmartdcEmulator } from '../dist/emulator/index.js';
import { createSmartdcClient } from '../dist/index.js';

const REQUESTS = 400;
const CONCURRENCY = 8;
const MACHINES = 500;
const PROVISION_MS = 8_000;

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

  const image = (await withFile.images.resolve('base64')).id;
  async function waits(waitOne) {
    emulator.reset();
    emulator.addKey(publicKey);
    const before = emulator.requestCount;
    const started = performance.now();
    // Each machine is waited for right after its own create, as `machine create --wait` does.
    await Promise.all(
      Array.from({ length: MACHINES }, async () => {
        const machine = await withFile.machines.create({ image, package: 'g4-highcpu-256M' });
        await waitOne(machine.id);
      }),
    );
    const requests = emulator.requestCount - before - MACHINES;
    return { requests, seconds: (performance.now() - started) / 1000 };
  }
  const ours = await waits((id) => withFile.waitForMachineState(id, 'running', { timeoutMs: 120_000 }));
  const fixed = await waits(async (id) => {
    // node-triton's waitForMachineStates: GetMachine every 1000 ms until the state matches.
    while ((await withFile.machines.get(id)).state !== 'running') await sleep(1000);
  });
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
created at once, each provisioning for ${PROVISION_MS / 1000} s and waited for right after its create; GetMachine
requests counted by the emulator (creates excluded) until all are \`running\`, with \`waitForMachineState\` (1 s first delay, exponential backoff with jitter) vs a fixed
1-second GetMachine loop (node-triton's \`waitForMachineStates\`; py-smartdc's \`poll_until\` uses 2 s
and never stops). Every request is RSA-signed and verified on 2 shared cores, so wall times include
CPU queueing and vary between runs; the request counts are the stable result.

| signing | requests/s | ratio |
|---|---:|---:|
| key file | ${f(fileRate)} | 1.00 |
| ssh-agent | ${f(agentRate)} | ${f(agentRate / fileRate, 2)} |

| ${MACHINES} concurrent create + wait | GetMachine requests | wall time (s) | requests vs fixed loop |
|---|---:|---:|---:|
| waitForMachineState (backoff) | ${f(ours.requests)} | ${f(ours.seconds, 1)} | ${f(ours.requests / fixed.requests, 2)} |
| fixed 1 s polling | ${f(fixed.requests)} | ${f(fixed.seconds, 1)} | 1.00 |
`);
}

try {
  await main();
} finally {
  agent.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
