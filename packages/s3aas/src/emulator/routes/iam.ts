import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { callerOf } from '../auth.js';
import { iamError, restError } from '../errors.js';
import { DEFAULT_CLIENT, type TokenMinter, wrappedExpiresIn } from '../iam.js';
import type { EmulatorState, IamUser } from '../state.js';

/** What the IAM routes need. */
export interface IamRouteContext {
  state: EmulatorState;
  minter: TokenMinter;
  now: () => number;
  /** Access-token lifetime when the request names no `ttl`. */
  tokenTtlSeconds: number;
}

const LOGIN_FIELDS: Record<string, keyof IamUser | undefined> = {
  password: 'name',
  'username+password': 'name',
  'email+password': 'email',
  'phone+password': 'phone',
  'login+password': 'name',
};
const FORM_FIELD: Record<string, string> = {
  password: 'username',
  'username+password': 'username',
  'email+password': 'email',
  'phone+password': 'phone',
  'login+password': 'login',
};

/** Core IAM's token and introspect actions on `/v1/iam/clients/<client>/actions/...`. */
export function registerIam(router: Router, context: IamRouteContext): void {
  router.post('/v1/iam/clients/:client/actions/get_token/invoke', (request) => issue(request, context));
  router.get('/v1/iam/clients/:client/actions/introspect', (request) => {
    checkClientPath(request.params.client as string);
    const caller = callerOf(request, context.state, context.now());
    if (!caller.user) throw iamError(401, 'invalid_token', 'Authorization header is missing');
    const { user } = caller;
    return {
      status: 200,
      body: {
        user_info: {
          uuid: user.uuid,
          name: user.name,
          first_name: user.name,
          last_name: '',
          email: user.email,
          type: 'user',
        },
        project_id: caller.projectId,
        otp_verified: Boolean(user.otp),
        permissions: caller.permissions,
      },
    };
  });
}

function checkClientPath(client: string): void {
  // Straight to Core, the LB's `default` alias would not parse; the emulator plays the LB too.
  if (client !== 'default' && client !== DEFAULT_CLIENT.uuid) {
    throw restError(400, 'ParseError', `Can't parse value: uuid=${client}.`);
  }
}

function issue(request: EmulatorRequest, context: IamRouteContext) {
  const client = request.params.client as string;
  checkClientPath(client);
  const form = new URLSearchParams(request.body.toString('utf8'));
  if (client !== 'default') {
    const id = form.get('client_id') ?? headerOf(request, 'x-client-id');
    const secret = form.get('client_secret') ?? headerOf(request, 'x-client-secret');
    if (id !== DEFAULT_CLIENT.clientId || secret !== DEFAULT_CLIENT.clientSecret) {
      throw iamError(401, 'invalid_client', 'Client authentication failed');
    }
  }
  const grantType = form.get('grant_type') ?? '';
  const user =
    grantType === 'refresh_token'
      ? refreshUser(form, context)
      : passwordUser(grantType, form, request, context);
  const projectId = projectOf(form.get('scope') ?? '', user);
  const ttl = positiveInt(form.get('ttl')) ?? context.tokenTtlSeconds;
  const refreshTtl = positiveInt(form.get('refresh_ttl')) ?? ttl * 24;
  const access = context.minter.mint(user, 'access', ttl, projectId);
  const refresh = context.minter.mint(user, 'refresh', refreshTtl, projectId);
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: {
      access_token: access.token,
      token_type: 'Bearer',
      expires_at: access.expiresAt,
      expires_in: wrappedExpiresIn(ttl),
      id_token: context.minter.idToken(user, projectId, ttl),
      refresh_token: refresh.token,
      refresh_expires_in: wrappedExpiresIn(refreshTtl),
      scope: form.get('scope') ?? '',
    },
  };
}

function passwordUser(
  grantType: string,
  form: URLSearchParams,
  request: EmulatorRequest,
  context: IamRouteContext,
): IamUser {
  const attribute = LOGIN_FIELDS[grantType];
  if (!attribute) throw restError(400, 'InvalidGrantType', `Invalid grant type: ${grantType}`);
  const login = form.get(FORM_FIELD[grantType] as string);
  const password = form.get('password');
  const user = [...context.state.iamUsers.values()].find((candidate) => candidate[attribute] === login);
  if (!user || !login || password !== user.password)
    throw iamError(400, 'invalid_grant', 'Invalid username or password');
  if (user.otp !== undefined && headerOf(request, 'x-otp') !== user.otp)
    throw iamError(401, 'invalid_client', 'Invalid OTP code');
  return user;
}

function refreshUser(form: URLSearchParams, context: IamRouteContext): IamUser {
  const value = form.get('refresh_token') ?? '';
  const token = context.state.tokens.get(value);
  if (token?.kind !== 'refresh' || token.expiresAt <= context.now()) {
    throw iamError(400, 'invalid_grant', 'Invalid refresh token');
  }
  // Each refresh token is good for one use, so a replayed one fails like a stolen one would.
  context.state.tokens.delete(value);
  const user = context.state.iamUsers.get(token.user);
  if (!user) throw iamError(400, 'invalid_grant', 'Invalid refresh token');
  return user;
}

function projectOf(scope: string, user: IamUser): string | null {
  const project = scope.split(/\s+/).find((item) => item.startsWith('project:'));
  if (!project) return null;
  const id = project.slice('project:'.length);
  return id === 'default' ? user.projectId : id;
}

function positiveInt(value: string | null): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
}

function headerOf(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
