import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../src/emulator/json-request.js';
import { likeMatches } from '../src/emulator/like-pattern.js';
import { type DciFixture, startFixture } from './emulator-fixture.js';
import { type RawAuth, rawRequest } from './emulator-raw.js';

let f: DciFixture;
let admin: RawAuth;
beforeAll(async () => {
  f = await startFixture();
  admin = { login: 'admin', password: f.emulator.seed.users.admin.password };
});
afterAll(() => f.emulator.close());

/** Built as text: serialising 5,000 levels would overflow the test's own stack. */
const nested = (depth: number): string => `${'{"d":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;

function component(name: string, data: unknown) {
  return { name, type: 'compose', topic_id: f.emulator.seed.topic, data };
}

function componentText(name: string, dataJson: string): string {
  return JSON.stringify(component(name, 'DATA')).replace('"DATA"', dataJson);
}

describe('DCI emulator under hostile input (issue 8)', () => {
  it('answers Flask 404 to a non-UUID path id (., .., a/b) before authenticating, and changes nothing', async () => {
    const jobsBefore = f.emulator.state.rows('jobs').length;
    for (const id of ['..', '.', 'a%2Fb', '%2E%2E', 'not-a-uuid']) {
      const answer = await rawRequest(f.emulator.port, 'DELETE', `/api/v1/remotecis/${id}`, {
        headers: { 'if-match': 'x' },
      });
      expect(answer.status, id).toBe(404);
      expect(answer.body.message).toBe(
        `The requested URL /api/v1/remotecis/${id} was not found on the server.`,
      );
    }
    expect(f.emulator.state.rows('remotecis')).toHaveLength(3);
    expect(f.emulator.state.rows('jobs')).toHaveLength(jobsBefore);
  });

  it('refuses a component whose data nests 5,000 deep, stores nothing, and lists keep working', async () => {
    const before = f.emulator.state.rows('components').length;
    const answer = await rawRequest(f.emulator.port, 'POST', '/api/v1/components', {
      auth: admin,
      body: componentText('deep', nested(5000)),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status_code: 400,
      message: expect.stringContaining('Failed to decode JSON'),
    });
    expect(f.emulator.state.rows('components')).toHaveLength(before);
    const ok = await rawRequest(f.emulator.port, 'POST', '/api/v1/components', {
      auth: admin,
      body: componentText('nested-but-fine', nested(MAX_JSON_DEPTH - 1)),
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.status).toBe(201);
    const list = await rawRequest(f.emulator.port, 'GET', '/api/v1/components', { auth: admin });
    expect(list.status).toBe(200);
    expect(list.body._meta.count).toBe(before + 1);
  });

  it('keeps a __proto__ key in data as data', async () => {
    const answer = await rawRequest(f.emulator.port, 'POST', '/api/v1/components', {
      auth: admin,
      body: componentText('proto', '{"__proto__":{"polluted":true},"plain":1}'),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(201);
    const got = await rawRequest(f.emulator.port, 'GET', `/api/v1/components/${answer.body.component.id}`, {
      auth: admin,
    });
    expect(got.body.component.data).toEqual(JSON.parse('{"__proto__":{"polluted":true},"plain":1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 400 Request malformed to a JSON body sent with a non-JSON Content-Type, as Flask 1.1 + the schema do', async () => {
    const before = f.emulator.state.rows('teams').length;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await rawRequest(f.emulator.port, 'POST', '/api/v1/teams', {
        auth: admin,
        body: '{"name":"typed"}',
        headers: { 'content-type': type },
      });
      expect(answer.status, type).toBe(400);
      expect(answer.body).toEqual({
        status_code: 400,
        message: 'Request malformed',
        payload: { errors: ["None is not of type 'object'"], error: "None is not of type 'object'" },
      });
    }
    const vendor = await rawRequest(f.emulator.port, 'POST', '/api/v1/teams', {
      auth: admin,
      body: '{"name":"vendor-json"}',
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
    });
    expect(vendor.status).toBe(201);
    expect(f.emulator.state.rows('teams')).toHaveLength(before + 1);
  });

  it('answers 400, not 500, to created_after/updated_after values that are no date', async () => {
    for (const value of ['99999999999999999999', '2024-13-01T00:00:00', 'yesterday', '1e5']) {
      const answer = await rawRequest(f.emulator.port, 'GET', `/api/v1/jobs?created_after=${value}`, {
        auth: admin,
      });
      expect(answer.status, value).toBe(400);
      expect(answer.body.message).toBe('Request malformed');
    }
    for (const value of ['0', '2024-01-01T00:00:00', '2024-01-01T00:00:00.123456']) {
      const answer = await rawRequest(f.emulator.port, 'GET', `/api/v1/jobs?updated_after=${value}`, {
        auth: admin,
      });
      expect(answer.status, value).toBe(200);
    }
  });

  it('matches like/ilike patterns without backtracking (an adversarial pattern finishes)', async () => {
    const name = 'a'.repeat(60);
    const pattern = `${'%a'.repeat(16)}%b`;
    expect(likeMatches(pattern, name, false)).toBe(false);
    const answer = await rawRequest(
      f.emulator.port,
      'GET',
      `/api/v1/teams?query=${encodeURIComponent(`like(name,${pattern})`)}`,
      { auth: admin },
    );
    expect(answer.status).toBe(200);
    expect(answer.body._meta.count).toBe(0);
  });

  it('like: % is any run, _ is one character, ilike ignores case', () => {
    expect(likeMatches('Part%Lab', 'Partner Lab', false)).toBe(true);
    expect(likeMatches('part%lab', 'Partner Lab', false)).toBe(false);
    expect(likeMatches('part%lab', 'Partner Lab', true)).toBe(true);
    expect(likeMatches('a_c', 'abc', false)).toBe(true);
    expect(likeMatches('a_c', 'abbc', false)).toBe(false);
    expect(likeMatches('%', '', false)).toBe(true);
    expect(likeMatches('a%', 'b', false)).toBe(false);
    expect(likeMatches('%b%b', 'abab', false)).toBe(true);
  });

  it('answers 400 to an absolute-form request target instead of resetting the connection', async () => {
    const status = await new Promise<string>((resolve) => {
      const socket = net.connect(f.emulator.port, '127.0.0.1', () =>
        socket.write('GET http://[bad/api/v1/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('close', () => resolve(data.split('\r\n')[0] || '(reset)'));
      socket.on('error', () => resolve('(reset)'));
    });
    expect(status).toBe('HTTP/1.1 400 Bad Request');
  });
});
