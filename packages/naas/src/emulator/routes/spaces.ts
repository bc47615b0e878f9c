import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { naasErrors } from '../errors.js';
import { pageOf, pagingOf } from '../paging.js';
import { bodyObject, type RouteContext } from '../route-context.js';
import type { ContainerRecord, SpaceRecord } from '../state.js';

const NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/;
const CPU = /^\d+(\.\d+)?m?$/;
const MEMORY = /^\d+(Mi|Gi|Ki)$/;

function containers(body: Record<string, unknown>): ContainerRecord[] {
  const list = body.containers;
  if (!Array.isArray(list) || list.length === 0)
    throw naasErrors.validation('containers', 'ensure this value has at least 1 items');
  return list.map((raw, index) => {
    const c = (raw ?? {}) as Record<string, unknown>;
    const at = `containers.${index}`;
    if (typeof c.name !== 'string' || !/^[A-Za-z0-9-]{1,63}$/.test(c.name))
      throw naasErrors.validation(`${at}.name`, 'string does not match regex');
    if (typeof c.image !== 'string' || c.image === '')
      throw naasErrors.validation(`${at}.image`, 'field required');
    if (typeof c.cpu !== 'string' || !CPU.test(c.cpu))
      throw naasErrors.validation(`${at}.cpu`, 'str type expected matching ^\\d+(\\.\\d+)?m?$');
    if (typeof c.memory !== 'string' || !MEMORY.test(c.memory))
      throw naasErrors.validation(`${at}.memory`, 'str type expected matching ^\\d+(Mi|Gi|Ki)$');
    // FastAPI coerces "5080" to 5080, as the real server did for naas-python's CLI strings.
    const port = typeof c.port === 'string' && /^\d+$/.test(c.port) ? Number(c.port) : c.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
      throw naasErrors.validation(`${at}.port`, 'value is not a valid integer');
    const env = c.env ?? {};
    if (typeof env !== 'object' || Array.isArray(env))
      throw naasErrors.validation(`${at}.env`, 'value is not a valid dict');
    return {
      name: c.name,
      image: c.image,
      env: env as Record<string, string>,
      port,
      cpu: c.cpu,
      memory: c.memory,
    };
  });
}

function spaceOf(request: EmulatorRequest, user: { spaces: Map<string, SpaceRecord> }): SpaceRecord {
  const space = user.spaces.get(request.params.name as string);
  if (!space) throw naasErrors.space(404, 2, 'NOT_FOUND', `Space ${request.params.name} not found`);
  return space;
}

/** `/space/` (spec §3.2). */
export function registerSpaces(router: Router, ctx: RouteContext): void {
  router.post('/space', async (request) => {
    const user = await ctx.caller(request);
    const body = bodyObject(request);
    const name = body.name;
    if (typeof name !== 'string' || name.length > 63 || !NAME.test(name))
      throw naasErrors.validation('name', 'string does not match regex "^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)+$"');
    const list = containers(body);
    if (user.spaces.has(name))
      throw naasErrors.space(409, 1, 'ALREADY_EXISTS', `Space ${name} already exists`);
    const domain = typeof body.domain === 'string' && body.domain !== '' ? body.domain : `${name}.naas.ai`;
    const space: SpaceRecord = { name, user_id: user.id, id: randomUUID(), domain, containers: list };
    user.spaces.set(name, space);
    return { status: 201, body: { space, status: 'created' } };
  });
  router.get('/space', async (request) => {
    const user = await ctx.caller(request);
    const spaces = [...user.spaces.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, body: { spaces: pageOf(spaces, pagingOf(request, 'body-or-query')) } };
  });
  router.get('/space/:name', async (request) => {
    const user = await ctx.caller(request);
    return { status: 200, body: { space: spaceOf(request, user) } };
  });
  router.put('/space/:name', async (request) => {
    const user = await ctx.caller(request);
    const space = spaceOf(request, user);
    const body = bodyObject(request);
    space.containers = containers(body);
    if (typeof body.domain === 'string' && body.domain !== '') space.domain = body.domain;
    return { status: 200, body: { space } };
  });
  router.delete('/space/:name', async (request) => {
    const user = await ctx.caller(request);
    const space = spaceOf(request, user);
    user.spaces.delete(space.name);
    return { status: 200, body: { status: 'deleted' } };
  });
}
