/** The login attribute a password grant uses; the IAM `grant_type` names it. */
export type IamPasswordGrant =
  | 'password'
  | 'username+password'
  | 'email+password'
  | 'phone+password'
  | 'login+password';

/** How to reach Exordos IAM and who logs in. */
export interface ExordosIamOptions {
  /**
   * The IAM root that `/v1/iam/...` is appended to: the Core load balancer's `http://<core>/api/core`
   * or the Core user API itself (`http://<core>:11010`).
   */
  url: string;
  /**
   * The client's path segment: `default` (the load balancer's alias, which adds the client
   * credentials itself) or a client uuid. Default: `clientId` when it is a uuid, else `default`.
   */
  client?: string;
  /** Sent as `client_id` (needed when not going through the load balancer alias). */
  clientId?: string;
  clientSecret?: string;
  /** The login value: a username, or the email/phone/login the grant names. */
  username?: string;
  password?: string;
  /** Default `password` (login by username). */
  grantType?: IamPasswordGrant;
  /** One-time password sent as `X-OTP` on logins, for users with OTP enabled. */
  otp?: string | (() => string | Promise<string>);
  /** A refresh token saved by an earlier login (`nimbus s3aas login` keeps it in the profile). */
  refreshToken?: string;
  /** An access token to start with, and its expiry in ms since the epoch. */
  accessToken?: string;
  accessTokenExpiresAt?: number;
  /** Extra scopes (`openid profile`); the project scope is added from the client's `project`. */
  scope?: string;
  /** Access-token lifetime to ask for, seconds (`ttl`). */
  ttlSeconds?: number;
  /** Refresh-token lifetime to ask for, seconds (`refresh_ttl`). */
  refreshTtlSeconds?: number;
  /** Renew this long before the access token expires. Default 30 000 ms. */
  refreshSkewMs?: number;
  /** Called after every login and refresh, e.g. to save the new refresh token. */
  onTokens?: (tokens: import('./iam-tokens.js').IamTokens) => void | Promise<void>;
}
