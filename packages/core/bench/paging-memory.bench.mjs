// Heap while walking 100,000 items served in pages of 200 by a loopback HTTP server:
// `offsetLimitPages` (one page alive at a time) vs fetching every page into one array first.
// Each approach runs in its own child process (started with --expose-gc) so their heaps do not mix;
// the server runs in this parent process so its memory is not counted either.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const TOTAL = 100_000;
const PAGE_SIZE = 200;
/** Pages fetched before the baseline so JIT and undici warm-up are not billed to either approach. */
const WARMUP_PAGES = 50;
const STATUSES = ['new', 'running', 'success', 'failure'];

/** A DCI-like job, about 300 bytes of JSON. */
function job(n) {
  return {
    id: `0f8e3f1b-9c2d-4a6e-8b0c-${String(n).padStart(12, '0')}`,
    name: `ocp-4.14-nightly-${n}`,
    status: STATUSES[n % STATUSES.length],
    created_at: new Date(1_700_000_000_000 + n * 60_000).toISOString(),
    etag: n.toString(16).padStart(32, '0'),
    tags: ['ocp', `build-${n % 97}`, 'daily'],
    topic_id: '5bb5c0ed-78f6-4e99-aa02-918c4677a97f',
  };
}

async function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    const jobs = [];
    for (let n = offset; n < Math.min(offset + limit, TOTAL); n += 1) jobs.push(job(n));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jobs, _meta: { count: TOTAL } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** Runs in the child: walks the collection one way, sampling live heap after every page. */
async function measure(mode, baseUrl) {
  const dist = new URL('../dist/index.js', import.meta.url);
  const { offsetLimitPages } = await import(dist.href).catch((error) => {
    throw new Error(
      `cannot load ${fileURLToPath(dist)}; run \`pnpm --filter @nimbus-sdk/core build\` first`,
      {
        cause: error,
      },
    );
  });
  const agent = { keepalive: true };
  const fetchPage = async (offset, limit) => {
    const response = await fetch(`${baseUrl}/jobs?limit=${limit}&offset=${offset}`, agent);
    const body = await response.json();
    return { items: body.jobs, total: body._meta.count };
  };
  const samples = [];
  const sample = () => {
    globalThis.gc();
    samples.push(process.memoryUsage().heapUsed);
  };
  // Warm up fetch/undici and the JSON path so their one-off allocations are not billed to a mode.
  for (let page = 0; page < WARMUP_PAGES; page += 1) await fetchPage(page * PAGE_SIZE, PAGE_SIZE);
  globalThis.gc();
  globalThis.gc();
  const baseline = process.memoryUsage().heapUsed;
  let seen = 0;
  let failures = 0;

  if (mode === 'paginate') {
    const jobs = offsetLimitPages({
      pageSize: PAGE_SIZE,
      fetch: async (offset, limit) => {
        const page = await fetchPage(offset, limit);
        sample();
        return page;
      },
    });
    for await (const item of jobs) {
      seen += 1;
      if (item.status === 'failure') failures += 1;
    }
  } else if (mode === 'floor') {
    // No paging library and nothing kept: what fetch and JSON parsing alone leave behind.
    for (let offset = 0; offset < TOTAL; offset += PAGE_SIZE) {
      const page = await fetchPage(offset, PAGE_SIZE);
      for (const item of page.items) {
        seen += 1;
        if (item.status === 'failure') failures += 1;
      }
      sample();
    }
  } else {
    const all = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await fetchPage(offset, PAGE_SIZE);
      all.push(...page.items);
      sample();
      if (all.length >= page.total || page.items.length < PAGE_SIZE) break;
    }
    for (const item of all) {
      seen += 1;
      if (item.status === 'failure') failures += 1;
    }
  }

  const peak = Math.max(...samples);
  return {
    mode,
    seen,
    failures,
    pages: samples.length,
    firstDelta: samples[0] - baseline,
    lastDelta: samples.at(-1) - baseline,
    peakDelta: peak - baseline,
  };
}

function runChild(mode, baseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode, baseUrl],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${mode} child exited with ${code}`));
      else resolve(JSON.parse(out));
    });
  });
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(2);

async function main() {
  const { server, url } = await serve();
  try {
    // Concurrent: heaps are per process so memory figures are unaffected, and the run stays short.
    const [lazy, eager, floor] = await Promise.all([
      runChild('paginate', url),
      runChild('collect', url),
      runChild('floor', url),
    ]);
    for (const run of [lazy, eager, floor]) {
      if (run.seen !== TOTAL) throw new Error(`${run.mode} saw ${run.seen} items, expected ${TOTAL}`);
    }
    const ratio = eager.peakDelta / Math.max(lazy.peakDelta, 1);
    const lines = [
      '## Paging memory: `paginate` vs collecting the whole list',
      '',
      `Method: a loopback HTTP server serves ${TOTAL.toLocaleString('en-US')} DCI-like jobs (~300 B of JSON each) ` +
        `in offset/limit pages of ${PAGE_SIZE}. Each approach runs in its own Node process with \`--expose-gc\` (the server stays in the parent); ` +
        'after every page it forces a GC and samples `heapUsed`, so the numbers are live (retained) heap, not ' +
        'garbage. "Peak delta" is the highest sample minus the heap after warm-up. `offsetLimitPages` from ' +
        '`@nimbus-sdk/core` (built dist) yields items lazily; the alternative fetches every page into one array ' +
        'and then iterates it. Both make the same requests and count the same items. A flat line from page 1 to ' +
        'the last page is the target for the lazy walk; the floor row (a bare fetch loop that keeps nothing) ' +
        'shows how much of any drift is fetch/JIT bookkeeping rather than paging.',
      '',
      '| approach | pages | items | heap delta after page 1 (MiB) | after last page (MiB) | peak heap delta (MiB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[
        ['`offsetLimitPages` (lazy)', lazy],
        ['collect all, then iterate', eager],
        ['floor: bare fetch loop, nothing kept', floor],
      ].map(
        ([name, run]) =>
          `| ${name} | ${run.pages} | ${run.seen} | ${mib(run.firstDelta)} | ${mib(run.lastDelta)} | ${mib(run.peakDelta)} |`,
      ),
      '',
      `Peak heap ratio (collect-all / paginate): **${ratio.toFixed(1)}×**. This bench measures memory only: ` +
        'the three processes run side by side and force a GC per page, so their durations mean nothing.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (process.argv[2] === '--child') {
  const result = await measure(process.argv[3], process.argv[4]);
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}
