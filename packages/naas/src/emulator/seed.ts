import { randomBytes, randomUUID } from 'node:crypto';
import type { NaasState } from './state.js';

/** What to seed. Everything has a fresh random default. */
export interface NaasSeedOptions {
  token?: string;
  userId?: string;
  workspaceId?: string;
  /** Storages to create in the workspace; default `['default-storage']`. */
  storages?: readonly string[];
  jupyterhubToken?: string;
  /** A web-login code (single use) that trades for `token`. */
  loginCode?: string;
}

/** The seeded credentials and ids, for tests and `nimbus sandbox`. */
export interface NaasSeedInfo {
  token: string;
  userId: string;
  workspaceId: string;
  storages: readonly string[];
  jupyterhubToken: string;
  loginCode: string;
  /** A second user's token, for isolation tests. */
  otherToken: string;
}

/** A JWT-shaped token whose `sub` is the user id, like the real service's. */
function jwtFor(userId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId })}.${randomBytes(16).toString('base64url')}`;
}

/** Seeds one user with a workspace and storages, and a second user with nothing. */
export function seedState(state: NaasState, options: NaasSeedOptions = {}): NaasSeedInfo {
  const userId = options.userId ?? randomUUID();
  const token = options.token ?? jwtFor(userId);
  state.addUser(token, userId);
  const workspaceId = options.workspaceId ?? randomUUID();
  state.workspaces.set(workspaceId, userId);
  const storages = options.storages ?? ['default-storage'];
  for (const name of storages) state.storages.set(`${workspaceId}/${name}`, new Map());
  const jupyterhubToken = options.jupyterhubToken ?? randomBytes(16).toString('hex');
  state.tradeCodes.set(jupyterhubToken, { kind: 'jupyterhub', jwt: token });
  const loginCode = options.loginCode ?? randomBytes(12).toString('hex');
  state.tradeCodes.set(loginCode, { kind: 'workspace', jwt: token });
  const otherId = randomUUID();
  const otherToken = jwtFor(otherId);
  state.addUser(otherToken, otherId);
  return { token, userId, workspaceId, storages, jupyterhubToken, loginCode, otherToken };
}
