import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDciClient, type DciClient } from '../src/index.js';
import { type EmulatorProcess, startEmulatorProcess } from './emulator-process.js';

const MiB = 1024 * 1024;
let emulator: EmulatorProcess;
let dir: string;
let dci: DciClient;
let jobId: string;

// Garbage chunks pile up until V8 feels external-memory pressure (tens of MiB), which says nothing
// about what the code keeps alive; collecting before each sample measures live memory only.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Peak growth of live memory while some work runs. */
interface MemoryGrowth {
  heap: number;
  arrayBuffers: number;
}

/** Runs `work` while sampling this process's live JS heap and array buffers; returns the peak growth. */
async function peakMemoryGrowth(work: () => Promise<unknown>): Promise<MemoryGrowth> {
  const sample = () => {
    collect();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return { heap: heapUsed, arrayBuffers };
  };
  const baseline = sample();
  const peak = { ...baseline };
  const record = () => {
    const now = sample();
    peak.heap = Math.max(peak.heap, now.heap);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(record, 25);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  record();
  return { heap: peak.heap - baseline.heap, arrayBuffers: peak.arrayBuffers - baseline.arrayBuffers };
}

/** Writes `size` random bytes in 1 MiB pieces (nothing big stays in memory) and returns their SHA-256. */
async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  await writeFile(path, '');
  for (let written = 0; written < size; written += MiB) {
    const piece = randomBytes(Math.min(MiB, size - written));
    hash.update(piece);
    await appendFile(path, piece);
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  dir = await mkdtemp(join(tmpdir(), 'nimbus-dci-files-'));
  dci = createDciClient({
    url: emulator.url,
    retry: false,
    auth: {
      type: 'signature',
      clientId: emulator.seed.remoteci.clientId,
      apiSecret: emulator.seed.remoteci.apiSecret,
    },
  });
  jobId = (await dci.jobs.create({ components: [emulator.seed.component], topic_id: emulator.seed.topic }))
    .id;
});
afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('file upload and download', () => {
  it('streams a 15 MiB file up and down with flat memory, signed over its streamed hash', async () => {
    const source = join(dir, 'big.log');
    const sha = await writeRandomFile(source, 15 * MiB);

    let file: Awaited<ReturnType<DciClient['files']['upload']>> | undefined;
    const upGrowth = await peakMemoryGrowth(async () => {
      file = await dci.files.upload({ jobId, name: 'big log.txt', source: { path: source } });
    });
    expect(file).toMatchObject({ name: 'big log.txt', mime: 'text/plain', size: 15 * MiB, job_id: jobId });

    const target = join(dir, 'download.log');
    const downGrowth = await peakMemoryGrowth(() => dci.files.download(file?.id ?? '', target));
    const downloaded = createHash('sha256');
    for await (const chunk of createReadStream(target)) downloaded.update(chunk as Buffer);
    expect(downloaded.digest('hex')).toBe(sha);
    await expect(stat(`${target}.part`)).rejects.toThrow();

    // Holding the file anywhere, in JS or in buffers fetch keeps for a redirect, would cost at least
    // its 15 MiB. Streaming keeps the heap near zero; socket and stream buffers in flight have been
    // seen up to ~7 MiB on a loaded 2-core machine, so they get the bound just under a whole copy.
    const buffersBound = 12 * MiB;
    const mib = (n: number) => (n / MiB).toFixed(1);
    console.info(
      `15 MiB upload: heap +${mib(upGrowth.heap)} MiB, array buffers +${mib(upGrowth.arrayBuffers)} MiB; ` +
        `download: heap +${mib(downGrowth.heap)} MiB, array buffers +${mib(downGrowth.arrayBuffers)} MiB`,
    );
    expect(upGrowth.heap).toBeLessThan(8 * MiB);
    expect(upGrowth.arrayBuffers).toBeLessThan(buffersBound);
    expect(downGrowth.heap).toBeLessThan(8 * MiB);
    expect(downGrowth.arrayBuffers).toBeLessThan(buffersBound);
  });

  it('refuses a 21 MiB file before sending it, and the server refuses it with 413 too', async () => {
    const source = join(dir, 'huge.bin');
    await writeFile(source, Buffer.alloc(21 * MiB, 1));
    await expect(
      dci.files.upload({ jobId, name: 'huge.bin', source: { path: source } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('over the 20.0 MiB upload limit'),
    });
    const lenient = createDciClient({
      url: emulator.url,
      retry: false,
      maxUploadBytes: 64 * MiB,
      auth: {
        type: 'signature',
        clientId: emulator.seed.remoteci.clientId,
        apiSecret: emulator.seed.remoteci.apiSecret,
      },
    });
    await expect(
      lenient.files.upload({ jobId, name: 'huge.bin', source: { path: source } }),
    ).rejects.toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('Request Entity Too Large'),
    });
    expect((await dci.jobs.files(jobId).toArray()).map((f) => f.name)).not.toContain('huge.bin');
  });

  it('uploads JUnit results that the server parses, and refuses invalid XML', async () => {
    const junit =
      '<?xml version="1.0"?><testsuite name="smoke"><testcase name="a" time="0.5"/><testcase name="b" time="1"><failure message="x"/></testcase><testcase name="c"><skipped/></testcase></testsuite>';
    const uploaded = await dci.files.upload({
      jobId,
      name: 'smoke.xml',
      mime: 'application/junit',
      source: { bytes: junit },
    });
    const results = await dci.jobs.results(jobId);
    expect(results).toEqual([
      expect.objectContaining({
        file_id: uploaded.id,
        filename: 'smoke.xml',
        total: 3,
        failures: 1,
        skips: 1,
        success: 1,
        errors: 0,
      }),
    ]);
    await expect(
      dci.files.upload({
        jobId,
        name: 'bad.xml',
        mime: 'application/junit',
        source: { bytes: '<testsuite><testcase></testsuite>' },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Invalid XML') });
    await dci.files.delete(uploaded.id);
    expect(await dci.jobs.results(jobId)).toEqual([]);
  });

  it('reports upload progress up to the file size', async () => {
    const source = join(dir, 'progress.bin');
    await writeRandomFile(source, 3 * MiB);
    const reports: number[] = [];
    await dci.files.upload({
      jobId,
      name: 'progress.bin',
      source: { path: source },
      onProgress: (sent) => reports.push(sent),
    });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toBe(3 * MiB);
    expect([...reports].sort((a, b) => a - b)).toEqual(reports);
  });

  it('validates upload labels before any request', async () => {
    await expect(dci.files.upload({ name: 'x', source: { bytes: 'x' } })).rejects.toThrow(
      /exactly one of jobId or jobstateId/,
    );
    await expect(dci.files.upload({ jobId, name: '', source: { bytes: 'x' } })).rejects.toThrow(/DCI-NAME/);
    await expect(
      dci.files.upload({ jobId, name: 'x', source: { path: join(dir, 'missing') } }),
    ).rejects.toThrow(/not a file/);
  });
});
