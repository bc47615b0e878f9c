import { ConfigError } from '@nimbus-sdk/core';

/** The two identities that sign DCI requests. */
export type DciClientType = 'remoteci' | 'feeder';

/** A parsed `DCI_CLIENT_ID`. */
export interface DciClientId {
  type: DciClientType;
  id: string;
  /** `<type>/<id>`, the access key that goes into the signature's Credential. */
  accessKey: string;
}

/**
 * Parses `remoteci/<id>`, `feeder/<id>` or a bare `<id>` (read as a remoteci, like dcictl).
 * Extra `/` parts are dropped, as python-dciclient does.
 *
 * @example parseClientId('feeder/6e2b9f0e-1a33-4c55-8d6f-0d9a6f1c2b3a').type // 'feeder'
 */
export function parseClientId(value: string): DciClientId {
  const parts = value.trim().split('/');
  const [first = '', second] = parts;
  const type = second === undefined ? 'remoteci' : first;
  const id = second === undefined ? first : second;
  if (type !== 'remoteci' && type !== 'feeder') {
    throw new ConfigError(
      `DCI client id "${value}" must look like remoteci/<uuid> or feeder/<uuid> (got type "${type}")`,
    );
  }
  if (!id) throw new ConfigError(`DCI client id "${value}" has no id after "${type}/"`);
  return { type, id, accessKey: `${type}/${id}` };
}
