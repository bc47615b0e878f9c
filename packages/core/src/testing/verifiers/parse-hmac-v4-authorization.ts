import type { IncomingHttpHeaders } from 'node:http';
import { headerValue } from './incoming-headers.js';

/** Which server a verifier imitates. */
export type HmacV4Flavor = 'dci' | 'aws';

/** What a verifier read from the Authorization and date headers. */
export interface ParsedHmacV4Authorization {
  algorithm: string;
  /** The identity part of the Credential (`remoteci/<id>` for DCI, the access key id for AWS). */
  accessKey: string;
  datestamp: string;
  region: string;
  service: string;
  /** The scope terminator (`dci2_request`, `aws4_request`). */
  requestType: string;
  signedHeaders: string[];
  signature: string;
  /** Value of the winning date header. */
  timestamp: string;
  /** Which date header it came from. */
  dateHeader: 'X-Amz-Date' | 'X-DCI-Date';
  /** The signed headers' values as received (`undefined` when absent). */
  canonicalHeaders: Record<string, string | undefined>;
}

/** Outcome of parsing: the fields, or why the headers are malformed. */
export type HmacV4ParseResult =
  | { ok: true; value: ParsedHmacV4Authorization }
  | { ok: false; message: string };

/**
 * Parses the signature headers the way the imitated server does.
 *
 * `dci` follows python-dciauth v2 `parse_headers`: `X-Amz-Date` wins over `X-DCI-Date`; the
 * Authorization must be exactly four space-separated tokens (`<alg> Credential=…, SignedHeaders=…,
 * Signature=…`); the Credential has exactly six `/` parts starting with the client type; the request
 * type must be one of `requestTypes`. `aws` reads the usual comma-separated parameters with
 * optional spaces, `X-Amz-Date` only, and an access key of any shape before the four scope parts.
 */
export function parseHmacV4Authorization(
  headers: IncomingHttpHeaders,
  flavor: HmacV4Flavor,
  requestTypes: readonly string[],
): HmacV4ParseResult {
  const amzDate = headerValue(headers, 'x-amz-date');
  const dciDate = flavor === 'dci' ? headerValue(headers, 'x-dci-date') : undefined;
  const timestamp = amzDate ?? dciDate;
  const authorization = headerValue(headers, 'authorization');
  if (timestamp === undefined)
    return fail(`missing date header (${flavor === 'dci' ? 'X-DCI-Date or ' : ''}X-Amz-Date)`);
  if (authorization === undefined) return fail('missing Authorization header');
  const fields =
    flavor === 'dci' ? splitDciAuthorization(authorization) : splitAwsAuthorization(authorization);
  if (typeof fields === 'string') return fail(fields);

  const scope = fields.credential.split('/');
  if (flavor === 'dci' ? scope.length !== 6 : scope.length < 5) {
    return fail(
      `Credential must be ${flavor === 'dci' ? 'type/id' : 'key'}/date/region/service/request-type`,
    );
  }
  const [datestamp, region, service, requestType] = scope.slice(-4) as [string, string, string, string];
  if (!requestTypes.includes(requestType)) return fail(`unknown request type ${JSON.stringify(requestType)}`);
  const signedHeaders = fields.signedHeaders.split(';');
  const canonicalHeaders: Record<string, string | undefined> = {};
  for (const name of signedHeaders) canonicalHeaders[name] = headerValue(headers, name);
  return {
    ok: true,
    value: {
      algorithm: fields.algorithm,
      accessKey: scope.slice(0, -4).join('/'),
      datestamp,
      region,
      service,
      requestType,
      signedHeaders,
      signature: fields.signature,
      timestamp,
      dateHeader: amzDate !== undefined ? 'X-Amz-Date' : 'X-DCI-Date',
      canonicalHeaders,
    },
  };
}

interface AuthorizationFields {
  algorithm: string;
  credential: string;
  signedHeaders: string;
  signature: string;
}

// dciauth splits on single spaces and strips the parameter names and trailing commas positionally.
function splitDciAuthorization(value: string): AuthorizationFields | string {
  const tokens = value.split(' ');
  if (tokens.length !== 4) return `Authorization must have 4 space-separated parts, got ${tokens.length}`;
  const [algorithm, credential, signedHeaders, signature] = tokens as [string, string, string, string];
  const strip = (token: string, name: string): string | undefined =>
    token.startsWith(`${name}=`) ? token.slice(name.length + 1).replace(/,$/, '') : undefined;
  const fields = {
    algorithm,
    credential: strip(credential, 'Credential'),
    signedHeaders: strip(signedHeaders, 'SignedHeaders'),
    signature: strip(signature, 'Signature'),
  };
  if (
    fields.credential === undefined ||
    fields.signedHeaders === undefined ||
    fields.signature === undefined
  ) {
    return 'Authorization must be "<alg> Credential=…, SignedHeaders=…, Signature=…"';
  }
  return fields as AuthorizationFields;
}

function splitAwsAuthorization(value: string): AuthorizationFields | string {
  const space = value.indexOf(' ');
  if (space === -1) return 'Authorization has no parameters';
  const params = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq !== -1) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = params.get('Credential');
  const signedHeaders = params.get('SignedHeaders');
  const signature = params.get('Signature');
  if (!credential || !signedHeaders || !signature)
    return 'Authorization lacks Credential, SignedHeaders or Signature';
  return { algorithm: value.slice(0, space), credential, signedHeaders, signature };
}

function fail(message: string): HmacV4ParseResult {
  return { ok: false, message };
}
