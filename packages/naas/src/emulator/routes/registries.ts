import { randomBytes } from 'node:crypto';
import type { Router } from '@nimbus-sdk/core/testing';
import { naasErrors } from '../errors.js';
import { pageOf, pagingOf } from '../paging.js';
import { bodyObject, type RouteContext } from '../route-context.js';
import type { RegistryRecord } from '../state.js';

const NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/;
const view = ({ name, user_id, uri }: RegistryRecord) => ({ name, user_id, uri });

/** `/registry/` (spec §4): errors `{"error": n, "error_message"}`, delete 204. */
export function registerRegistries(router: Router, ctx: RouteContext): void {
  const find = (registries: Map<string, RegistryRecord>, name: string) => {
    const registry = registries.get(name);
    if (!registry) throw naasErrors.registry(404, 1, `Registry ${name} not found`);
    return registry;
  };
  router.post('/registry', async (request) => {
    const user = await ctx.caller(request);
    const name = bodyObject(request).name;
    if (typeof name !== 'string' || name.length > 63 || !NAME.test(name))
      throw naasErrors.validation('name', 'string does not match regex');
    if (user.registries.has(name)) throw naasErrors.registry(409, 0, `Registry ${name} already exists`);
    const registry: RegistryRecord = {
      name,
      user_id: user.id,
      uri: `${ctx.behaviour.registryHost}/${name}`,
      username: 'AWS',
      password: randomBytes(24).toString('base64url'),
    };
    user.registries.set(name, registry);
    return { status: 201, body: { registry: view(registry) } };
  });
  router.get('/registry', async (request) => {
    const user = await ctx.caller(request);
    const all = [...user.registries.values()].sort((a, b) => a.name.localeCompare(b.name)).map(view);
    return { status: 200, body: { registries: pageOf(all, pagingOf(request, 'body-or-query')) } };
  });
  router.get('/registry/:name', async (request) => {
    const user = await ctx.caller(request);
    return { status: 200, body: { registry: view(find(user.registries, request.params.name as string)) } };
  });
  router.delete('/registry/:name', async (request) => {
    const user = await ctx.caller(request);
    user.registries.delete(find(user.registries, request.params.name as string).name);
    return { status: 204 };
  });
  router.get('/registry/:name/credentials', async (request) => {
    const user = await ctx.caller(request);
    const registry = find(user.registries, request.params.name as string);
    return {
      status: 200,
      body: {
        name: registry.name,
        credentials: { username: registry.username, password: registry.password },
      },
    };
  });
}
