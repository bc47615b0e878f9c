import { type AuthStrategy, basic, bearer } from '@nimbus-sdk/core';
import { type DciSignatureConstants, dciSignature } from './signature.js';
import { ssoPasswordToken } from './sso-token.js';

/** A remoteci's or feeder's API credentials (`DCI_CLIENT_ID` + `DCI_API_SECRET`). */
export interface DciSignatureCredentials extends DciSignatureConstants {
  type: 'signature';
  /** `remoteci/<id>`, `feeder/<id>` or a bare remoteci id. */
  clientId: string;
  apiSecret: string;
}

/** A user's login (name or email) and password (`DCI_LOGIN` + `DCI_PASSWORD`). */
export interface DciBasicCredentials {
  type: 'basic';
  login: string;
  password: string;
}

/** A ready Red Hat SSO access token (`SSO_TOKEN`), or a function that returns a fresh one. */
export interface DciSsoTokenCredentials {
  type: 'sso';
  token: string | (() => string | Promise<string>);
}

/** Red Hat SSO user credentials exchanged for a token (`SSO_URL`, `SSO_USERNAME`, `SSO_PASSWORD`). */
export interface DciSsoPasswordCredentials {
  type: 'sso-password';
  ssoUrl: string;
  username: string;
  password: string;
}

/** Every way to authenticate to DCI. */
export type DciCredentials =
  | DciSignatureCredentials
  | DciBasicCredentials
  | DciSsoTokenCredentials
  | DciSsoPasswordCredentials;

/** The transport auth strategy for `credentials`. */
export function authForCredentials(credentials: DciCredentials, fetchImpl?: typeof fetch): AuthStrategy {
  switch (credentials.type) {
    case 'signature':
      return dciSignature(credentials);
    case 'basic':
      return basic(credentials.login, credentials.password);
    case 'sso':
      return bearer(credentials.token);
    case 'sso-password':
      return ssoPasswordAuth(credentials, fetchImpl);
  }
}

/** Bearer auth from the SSO password grant; a 401 (e.g. `JWT token expired`) fetches a new token once. */
function ssoPasswordAuth(credentials: DciSsoPasswordCredentials, fetchImpl?: typeof fetch): AuthStrategy {
  const tokens = ssoPasswordToken({ ...credentials, fetch: fetchImpl });
  const strategy = bearer(tokens);
  return {
    kind: strategy.kind,
    authorize: strategy.authorize,
    describe: () => `sso password grant (${credentials.username})`,
    secrets: () => [...(strategy.secrets?.() ?? []), credentials.password],
    async onUnauthorized() {
      tokens.invalidate();
      return true;
    },
  };
}
