import type { Router } from '@nimbus-sdk/core/testing';
import { naasErrors } from '../errors.js';
import { pageOf, pagingOf } from '../paging.js';
import { bodyObject, type RouteContext } from '../route-context.js';

function secretOf(raw: unknown, at: string): { name: string; value: string } {
  const s = (raw ?? {}) as Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name === '')
    throw naasErrors.validation(`${at}.name`, 'field required');
  if (typeof s.value !== 'string') throw naasErrors.validation(`${at}.value`, 'str type expected');
  return { name: s.name, value: s.value };
}

/** `/secret/` (spec §5): errors `{"error": {"error": n, "message"}}`; the list reads a GET body. */
export function registerSecrets(router: Router, ctx: RouteContext): void {
  const missing = (name: string) => naasErrors.secret(404, 2, `Secret ${name} not found`);
  router.post('/secret', async (request) => {
    const user = await ctx.caller(request);
    const secret = secretOf(bodyObject(request).secret, 'secret');
    if (user.secrets.has(secret.name))
      throw naasErrors.secret(409, 1, `Secret ${secret.name} already exists`);
    user.secrets.set(secret.name, secret.value);
    return { status: 201 };
  });
  router.post('/secret/bulk', async (request) => {
    const user = await ctx.caller(request);
    const raw = request.json<unknown>();
    const list = Array.isArray(raw) ? raw : (raw as { secrets?: unknown })?.secrets;
    if (!Array.isArray(list)) throw naasErrors.validation('secrets', 'value is not a valid list');
    const secrets = list.map((entry, index) => secretOf(entry, `secrets.${index}`));
    const errors = secrets.map((secret) =>
      user.secrets.has(secret.name)
        ? { error: 1, message: `Secret ${secret.name} already exists` }
        : { error: 0, message: '' },
    );
    for (const secret of secrets)
      if (!user.secrets.has(secret.name)) user.secrets.set(secret.name, secret.value);
    return { status: 201, body: { error: errors } };
  });
  router.get('/secret', async (request) => {
    const user = await ctx.caller(request);
    const all = [...user.secrets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value }));
    return { status: 200, body: { secrets: pageOf(all, pagingOf(request, ctx.behaviour.secretPaging)) } };
  });
  router.get('/secret/:name', async (request) => {
    const user = await ctx.caller(request);
    const name = request.params.name as string;
    const value = user.secrets.get(name);
    if (value === undefined) throw missing(name);
    return { status: 200, body: { secret: { name, value } } };
  });
  router.put('/secret/:name', async (request) => {
    const user = await ctx.caller(request);
    const name = request.params.name as string;
    if (!user.secrets.has(name)) throw missing(name);
    const value = (bodyObject(request).secret as { value?: unknown } | undefined)?.value;
    if (typeof value !== 'string') throw naasErrors.validation('secret.value', 'str type expected');
    user.secrets.set(name, value);
    return { status: 200, body: { secret: { name, value } } };
  });
  router.delete('/secret/:name', async (request) => {
    const user = await ctx.caller(request);
    const name = request.params.name as string;
    if (!user.secrets.delete(name)) throw missing(name);
    return { status: 200, body: {} };
  });
}
