import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransport,
  isApiError,
  oauth2ClientCredentials,
  type Transport,
  updateWithRetry,
} from '../../src/index.js';
import { oauth2TokenIssuer, type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { seededRandom } from '../auth/seeded-random.js';
import { startTaggedDocsEmulator, type TaggedDoc, type TaggedDocsEmulator } from './tagged-docs-emulator.js';

let emulator: TaggedDocsEmulator;
let transport: Transport;
let reader: Transport;

beforeAll(async () => {
  emulator = await startTaggedDocsEmulator();
  transport = createTransport({ baseUrl: emulator.server.url, retry: { baseDelayMs: 1, maxDelayMs: 20 } });
  // Dropped responses queue up and hit whichever requests come next, reads included: about ten can
  // be queued at once, so a read may meet several in a row. The figures are about writes; a read
  // retries past them instead of failing the run.
  reader = createTransport({
    baseUrl: emulator.server.url,
    retry: { limit: 30, baseDelayMs: 1, maxDelayMs: 20 },
  });
});
afterAll(async () => {
  await emulator?.close();
});

const read = async (id: string) =>
  (await reader.send<TaggedDoc>({ method: 'GET', path: `/docs/${id}` })).data;

describe('fault suite: concurrency figures', () => {
  it('100 concurrent read-modify-writes (some with lost responses): 0 lost, 0 applied twice', async () => {
    const doc = (
      await transport.send<TaggedDoc>({ method: 'POST', path: '/docs', body: { json: { name: 'rmw' } } })
    ).data;
    const random = seededRandom(100);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        updateWithRetry({
          read: () => read(doc.id),
          mutate: (current) => ({ tags: [...current.tags, `t${i}`] }),
          write: async (change, conditions) => {
            // One write in ten loses its response after the server applied it.
            if (random() < 0.1) emulator.server.faults.dropResponseNext(1);
            return (
              await transport.send<TaggedDoc>({
                method: 'PUT',
                path: `/docs/${doc.id}`,
                body: { json: { tags: change.tags } },
                conditions,
              })
            ).data;
          },
          maxAttempts: 1_000,
          backoff: () => random() * 20,
        }),
      ),
    );
    emulator.server.faults.clear();
    const tags = (await read(doc.id)).tags;
    const succeeded = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [`t${i}`] : []));
    const ambiguous = outcomes.filter(
      (outcome) =>
        outcome.status === 'rejected' &&
        isApiError(outcome.reason) &&
        outcome.reason.code === 'AMBIGUOUS_OUTCOME',
    ).length;
    const lost = succeeded.filter((tag) => !tags.includes(tag));
    const twice = tags.filter((tag, i) => tags.indexOf(tag) !== i);
    console.log(
      `rmw: 100 concurrent, ${succeeded.length} succeeded, ${ambiguous} ambiguous, ${lost.length} lost, ${twice.length} applied twice`,
    );
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    // Every failure is an honest "may have landed", never a false conflict; show any other one.
    const others = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' &&
      !(isApiError(outcome.reason) && outcome.reason.code === 'AMBIGUOUS_OUTCOME')
        ? [String(outcome.reason)]
        : [],
    );
    expect(others).toEqual([]);
  });

  it('creates under injected 503s and dropped responses: 0 duplicates, every unknown outcome reported', async () => {
    const createdBefore = emulator.created;
    emulator.server.faults.failNext(10, 503);
    emulator.server.faults.dropResponseNext(10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        transport.send<TaggedDoc>({ method: 'POST', path: '/docs', body: { json: { name: `c${i}` } } }),
      ),
    );
    emulator.server.faults.clear();
    const names = [...emulator.docs.values()].map((d) => d.name).filter((name) => /^c\d+$/.test(name));
    const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
    const codes = outcomes.map((o) =>
      o.status === 'fulfilled' ? 'OK' : (o.reason as { code?: string }).code,
    );
    const count = (code: string) => codes.filter((c) => c === code).length;
    console.log(
      `creates: 50 with 10×503 and 10 dropped responses → ${count('OK')} ok, ${count('SERVER')} 503, ${count('AMBIGUOUS_OUTCOME')} may-have-been-created, ${duplicates.length} duplicates`,
    );
    expect(duplicates).toEqual([]);
    expect(emulator.created - createdBefore).toBe(count('OK') + count('AMBIGUOUS_OUTCOME'));
    expect(count('OK') + count('SERVER') + count('AMBIGUOUS_OUTCOME')).toBe(50);
  });
});

describe('fault suite: token requests per refresh', () => {
  let tokenServer: RunningEmulator;
  let api: RunningEmulator;
  let now = 1_800_000_000_000;
  let tokenRequests = 0;
  const issuer = oauth2TokenIssuer({
    clients: { ci: { secret: 's3cr3t' } },
    ttlSeconds: 300,
    clock: () => now,
  });

  beforeAll(async () => {
    tokenServer = await startEmulatorServer({
      handler: (request) => {
        tokenRequests++;
        return issuer.handleTokenRequest(request);
      },
    });
    api = await startEmulatorServer({
      handler: async (request) => {
        const result = await issuer.verify(request);
        return { status: result.ok ? 200 : 401, body: {} };
      },
    });
  });
  afterAll(async () => {
    await tokenServer?.close();
    await api?.close();
  });

  it('200 concurrent calls at token expiry make 1 token request', async () => {
    const auth = oauth2ClientCredentials({
      tokenUrl: `${tokenServer.url}/token`,
      clientId: 'ci',
      clientSecret: 's3cr3t',
      clock: () => now,
    });
    const client = createTransport({ baseUrl: api.url, auth, retry: false });
    await client.send({ method: 'GET', path: '/x' });
    now += 301_000;
    const before = tokenRequests;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => client.send({ method: 'GET', path: '/x' })),
    );
    console.log(`tokens: 200 concurrent calls at expiry → ${tokenRequests - before} token request(s)`);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(tokenRequests - before).toBe(1);
  });
});
