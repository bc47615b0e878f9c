import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDownloadTarget, isApiError, writeDownload } from '../../src/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nimbus-download-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function body(text: string): ReadableStream<Uint8Array> {
  return new Blob([text]).stream();
}

/** A body that sends `text` and then fails, as a dropped connection would. */
function failingBody(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.error(new Error('connection reset'));
    },
  });
}

describe('writeDownload', () => {
  it('writes a missing target through <target>.part and renames it', async () => {
    const target = join(dir, 'out.bin');
    await writeDownload(body('hello'), target);
    expect(await readFile(target, 'utf8')).toBe('hello');
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('replaces an existing regular file only once the download is complete', async () => {
    const target = join(dir, 'out.bin');
    await writeFile(target, 'old');
    const error = await writeDownload(failingBody('partial'), target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.bin']);
    await writeDownload(body('new'), target);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('removes its .part after an abort', async () => {
    const target = join(dir, 'out.bin');
    const controller = new AbortController();
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1024));
        controller.abort();
      },
    });
    await expect(writeDownload(endless, target, { signal: controller.signal })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes through a symlink into the file it points at, keeping the link', async () => {
    const real = join(dir, 'real.txt');
    await writeFile(real, 'old');
    const link = join(dir, 'link.txt');
    await symlink(real, link);
    await writeDownload(body('through the link'), link);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('through the link');
    expect((await readdir(dir)).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('writes into a FIFO (as into a device) instead of replacing it with a file', async () => {
    const fifo = join(dir, 'pipe');
    await promisify(execFile)('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (chunk) => chunks.push(chunk as Buffer))
        .on('end', resolve)
        .on('error', reject);
    });
    await writeDownload(body('into the pipe'), fifo);
    await reading;
    expect(Buffer.concat(chunks).toString('utf8')).toBe('into the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['pipe']);
  });

  it('treats /dev/null as a device: checked as writable in place, never renamed over', async () => {
    expect(await checkDownloadTarget('/dev/null')).toEqual({ kind: 'direct', path: '/dev/null' });
  });

  it("'-' writes to standard output (here a given stream) and leaves it open", async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeDownload(body('to stdout'), '-', { stdout });
    expect(Buffer.concat(chunks).toString('utf8')).toBe('to stdout');
    expect(stdout.writableEnded).toBe(false);
  });

  it('a missing directory or a directory target is a ValidationError naming the path, before any write', async () => {
    const missing = join(dir, 'no', 'such', 'out.bin');
    const error = await checkDownloadTarget(missing).catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).toContain(join(dir, 'no', 'such'));
    const directory = await writeDownload(body('x'), dir).catch((caught: unknown) => caught);
    expect(isApiError(directory) && directory.code).toBe('VALIDATION');
    expect((directory as Error).message).toContain('is a directory');
  });
});
