import { type EmulatorRequest, verifyBasic, verifyBearer, verifyHmacV4 } from '@nimbus-sdk/core/testing';
import { type Caller, callerFor } from './caller.js';
import { dciError } from './errors.js';
import type { DciState, Row } from './state.js';

const SIGNATURE_SCHEMES = new Set(['DCI2-HMAC-SHA256', 'AWS4-HMAC-SHA256', 'DCI-HMAC-SHA256']);

function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Answers the way `HmacMechanism` does: 401 unknown client type, 404 unknown id, 400 otherwise. */
async function bySignature(request: EmulatorRequest, state: DciState): Promise<Caller> {
  let identity: { kind: 'remoteci' | 'feeder'; row: Row } | undefined;
  const result = await verifyHmacV4(request, {
    flavor: 'dci',
    lookupSecret: (accessKey) => {
      const [type = '', id = ''] = accessKey.split('/');
      if (type !== 'remoteci' && type !== 'feeder') throw dciError(401, 'identity does not exists.');
      const table = type === 'remoteci' ? 'remotecis' : 'feeders';
      const row = state.find(table, id);
      if (!row) throw dciError(404, `${type} not found`);
      identity = { kind: type, row };
      return String(row.api_secret);
    },
  });
  if (!result.ok) {
    const reason =
      result.kind === 'expired'
        ? 'signature is expired'
        : result.kind === 'invalid'
          ? 'signature is invalid'
          : 'bad or incomplete headers.';
    throw dciError(400, `HmacMechanism failed: ${reason}`);
  }
  if (!identity) throw dciError(400, 'HmacMechanism failed: bad or incomplete headers.');
  return active(state, callerFor(state, identity.kind, identity.row));
}

async function byBasic(request: EmulatorRequest, state: DciState): Promise<Caller> {
  let user: Row | undefined;
  let attempted = '';
  const result = await verifyBasic(request, {
    // The login is a user name or an email; only active users may log in.
    lookupPassword: (login) => {
      attempted = login;
      user = state
        .rows('users')
        .find((row) => row.state === 'active' && (row.name === login || row.email === login));
      return user ? (state.passwords.get(user.id) ?? '') : undefined;
    },
  });
  if (result.ok && user) return callerFor(state, 'user', user);
  if (!result.ok && result.kind === 'unknown-key') throw dciError(401, `User ${attempted} does not exists.`);
  throw dciError(401, 'Invalid user credentials');
}

async function byBearer(request: EmulatorRequest, state: DciState): Promise<Caller> {
  const result = await verifyBearer<Row>(request, {
    check: (token) => {
      const issued = state.ssoTokens.get(token);
      const user = issued === undefined ? undefined : state.find('users', issued.userId);
      if (!issued || !user) return { ok: false, kind: 'invalid' };
      if (issued.expiresAt !== undefined && issued.expiresAt <= state.clock().getTime())
        return { ok: false, kind: 'expired' };
      return { ok: true, principal: user };
    },
  });
  if (result.ok) return callerFor(state, 'user', result.principal);
  throw dciError(
    401,
    result.kind === 'expired'
      ? 'JWT token expired, please refresh.'
      : 'JWT token decode error: unknown token',
  );
}

/** A remoteci or feeder of an inactive team is refused with 412, as upstream. */
function active(state: DciState, caller: Caller): Caller {
  for (const teamId of caller.teamIds) {
    const team = state.find('teams', teamId);
    if (team && team.state !== 'active') throw dciError(412, `team ${String(team.name)} not active`);
  }
  return caller;
}

/** Authenticates a request by the first token of its Authorization header, like dci-control-server. */
export async function authenticate(request: EmulatorRequest, state: DciState): Promise<Caller> {
  const authorization = header(request, 'authorization');
  if (!authorization) throw dciError(401, 'Authorization header missing');
  const space = authorization.indexOf(' ');
  const scheme = space === -1 ? authorization : authorization.slice(0, space);
  if (SIGNATURE_SCHEMES.has(scheme)) return bySignature(request, state);
  if (scheme === 'Basic') return byBasic(request, state);
  if (scheme === 'Bearer') return byBearer(request, state);
  throw dciError(401, `Authorization scheme ${scheme} unknown`);
}
