import type { Router } from '@nimbus-sdk/core/testing';
import { notFound } from '../errors.js';
import { checkFields, type FieldSchema } from '../fields.js';
import { jsonInput } from '../request-body.js';
import { type ImsVersion, json, noContent, type RouteContext, route } from '../route-context.js';
import type { StoredPublicKey } from '../state.js';

const CREATE: FieldSchema = {
  name: { kind: 'string', required: true, minLength: 1 },
  public_key: { kind: 'string', required: true, minLength: 1 },
};

/** `/public-keys` and `/public-keys/{id}` on every route family; keys have no PATCH. */
export function registerPublicKeys(router: Router, context: RouteContext): void {
  const { state } = context;
  const find = (id: string): StoredPublicKey => {
    const key = state.publicKeys.get(id);
    if (!key) throw notFound();
    return key;
  };
  const remove = (key: StoredPublicKey, version: ImsVersion) => {
    state.publicKeys.delete(key.id);
    if (version === 'v3') state.deletedPublicKeys.set(key.id, { ...key, deleted: state.timestamp() });
  };

  route(router, context, 'GET', '/public-keys', () => json(200, [...state.publicKeys.values()]));
  route(router, context, 'POST', '/public-keys', (request) => {
    const input = jsonInput(request);
    checkFields(input, CREATE);
    const key: StoredPublicKey = {
      id: state.newId(),
      created: state.timestamp(),
      name: input.name as string,
      public_key: input.public_key as string,
    };
    state.publicKeys.set(key.id, key);
    return json(201, key);
  });
  route(router, context, 'GET', '/public-keys/:id', (request) =>
    json(200, find(request.params.id as string)),
  );
  route(router, context, 'DELETE', '/public-keys/:id', (request, version) => {
    remove(find(request.params.id as string), version);
    return noContent;
  });
  route(router, context, 'DELETE', '/public-keys', (_request, version) => {
    for (const key of [...state.publicKeys.values()]) remove(key, version);
    return noContent;
  });
}
