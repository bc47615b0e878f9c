import { isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DciClient } from '../src/index.js';
import { type DciFixture, startFixture } from './emulator-fixture.js';

/** Values URL parsing would turn into another path: collapsed steps, an empty step, another level. */
const BAD_SEGMENTS = ['.', '..', '', 'a/b', '../..'];
const GOOD = '464cc0a3-d638-4081-a69e-4c80261f3ba5';

type Call = (client: DciClient, bad: string) => Promise<unknown>;

/** Every path-taking SDK method, once per path parameter. */
const COLLECTIONS = [
  'products',
  'topics',
  'components',
  'jobs',
  'remotecis',
  'feeders',
  'teams',
  'users',
  'pipelines',
] as const;
const CALLS: Record<string, Call> = {
  'files.get(id)': (c, bad) => c.files.get(bad),
  'files.content(id)': (c, bad) => c.files.content(bad),
  'files.delete(id)': (c, bad) => c.files.delete(bad),
  'jobstates.get(id)': (c, bad) => c.jobstates.get(bad),
  'jobstates.delete(id)': (c, bad) => c.jobstates.delete(bad),
  'jobs.results(jobId)': (c, bad) => c.jobs.results(bad),
  'jobs.setKeyValue(jobId)': (c, bad) => c.jobs.setKeyValue(bad, 'k', 1),
  'jobs.deleteKeyValue(jobId)': (c, bad) => c.jobs.deleteKeyValue(bad, 'k'),
  'products.attachTeam(productId)': (c, bad) => c.products.attachTeam(bad, GOOD),
  'products.attachTeam(teamId)': (c, bad) => c.products.attachTeam(GOOD, bad),
  'products.detachTeam(productId)': (c, bad) => c.products.detachTeam(bad, GOOD),
  'products.detachTeam(teamId)': (c, bad) => c.products.detachTeam(GOOD, bad),
  'products.teams(productId)': (c, bad) => c.products.teams(bad),
  'remotecis.resetApiSecret(id)': (c, bad) => c.remotecis.resetApiSecret(bad, { etag: 'e' }),
  'teams.users(teamId)': (c, bad) => c.teams.users(bad),
  'teams.addUser(teamId)': (c, bad) => c.teams.addUser(bad, GOOD),
  'teams.addUser(userId)': (c, bad) => c.teams.addUser(GOOD, bad),
  'teams.removeUser(teamId)': (c, bad) => c.teams.removeUser(bad, GOOD),
  'teams.removeUser(userId)': (c, bad) => c.teams.removeUser(GOOD, bad),
  'users.teams(userId)': (c, bad) => c.users.teams(bad),
  'components.files(componentId)': (c, bad) => c.components.files(bad),
  'components.getFile(componentId)': (c, bad) => c.components.getFile(bad, GOOD),
  'components.getFile(fileId)': (c, bad) => c.components.getFile(GOOD, bad),
  'components.deleteFile(componentId)': (c, bad) => c.components.deleteFile(bad, GOOD, { etag: 'e' }),
  'components.deleteFile(fileId)': (c, bad) => c.components.deleteFile(GOOD, bad, { etag: 'e' }),
  'components.downloadFile(fileId)': (c, bad) => c.components.downloadFile(GOOD, bad, '/nonexistent/x'),
  'components.uploadFile(componentId)': (c, bad) =>
    c.components.uploadFile(bad, { data: new Uint8Array([1]), name: 'x' } as never),
};
for (const name of COLLECTIONS) {
  CALLS[`${name}.get(id)`] = (c, bad) => c[name].get(bad);
  CALLS[`${name}.update(id)`] = (c, bad) => c[name].update(bad, {} as never, { etag: 'e' });
  CALLS[`${name}.delete(id)`] = (c, bad) => c[name].delete(bad, { etag: 'e' });
}

describe('path parameters that would change the addressed resource', () => {
  let fixture: DciFixture;

  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(async () => {
    await fixture?.emulator.close();
  });

  for (const [method, call] of Object.entries(CALLS)) {
    it.each(BAD_SEGMENTS)(`${method} refuses %j before any request`, async (bad) => {
      fixture.requests.length = 0;
      const error = await call(fixture.admin, bad).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isApiError(error) && error.code, String(error)).toBe('VALIDATION');
      expect(fixture.requests).toEqual([]);
    });
  }
});
