import { type EmulatorRequest, verifyHmacV4 } from '@nimbus-sdk/core/testing';
import { type Caller, callerFor } from './caller.js';
import { dciError } from './dci-error.js';
import type { DciStore, Row } from './store.js';

const SIGNATURE_SCHEMES = new Set(['DCI2-HMAC-SHA256', 'AWS4-HMAC-SHA256', 'DCI-HMAC-SHA256']);

function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Answers the way `HmacMechanism` does: 401 unknown client type, 404 unknown id, 400 otherwise. */
async function bySignature(request: EmulatorRequest, store: DciStore): Promise<Caller> {
  let identity: { kind: 'remoteci' | 'feeder'; row: Row } | undefined;
  const result = await verifyHmacV4(request, {
    flavor: 'dci',
    lookupSecret: (accessKey) => {
      const [type = '', id = ''] = accessKey.split('/');
      if (type !== 'remoteci' && type !== 'feeder') throw dciError(401, 'identity does not exists.');
      const table = type === 'remoteci' ? 'remotecis' : 'feeders';
      const row = store.find(table, id);
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
  return active(store, callerFor(store, identity.kind, identity.row));
}

function byBasic(value: string, store: DciStore): Caller {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const user = store
    .rows('users')
    .find((row) => row.state === 'active' && (row.name === login || row.email === login));
  if (!user) throw dciError(401, `User ${login} does not exists.`);
  if (store.passwords.get(user.id) !== password) throw dciError(401, 'Invalid user credentials');
  return callerFor(store, 'user', user);
}

function byBearer(token: string, store: DciStore): Caller {
  const userId = store.ssoTokens.get(token);
  const user = userId === undefined ? undefined : store.find('users', userId);
  if (!user) throw dciError(401, 'JWT token decode error: unknown token');
  return callerFor(store, 'user', user);
}

/** A remoteci or feeder of an inactive team is refused with 412, as upstream. */
function active(store: DciStore, caller: Caller): Caller {
  for (const teamId of caller.teamIds) {
    const team = store.find('teams', teamId);
    if (team && team.state !== 'active') throw dciError(412, `team ${String(team.name)} not active`);
  }
  return caller;
}

/** Authenticates a request by the first token of its Authorization header, like dci-control-server. */
export async function authenticate(request: EmulatorRequest, store: DciStore): Promise<Caller> {
  const authorization = header(request, 'authorization');
  if (!authorization) throw dciError(401, 'Authorization header missing');
  const space = authorization.indexOf(' ');
  const scheme = space === -1 ? authorization : authorization.slice(0, space);
  const rest = space === -1 ? '' : authorization.slice(space + 1).trim();
  if (SIGNATURE_SCHEMES.has(scheme)) return bySignature(request, store);
  if (scheme === 'Basic') return byBasic(rest, store);
  if (scheme === 'Bearer') return byBearer(rest, store);
  throw dciError(401, `Authorization scheme ${scheme} unknown`);
}
