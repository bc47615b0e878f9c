import { bareRecord, type EmulatorRequest } from '@nimbus-sdk/core/testing';
import { type CallContext, type CloudRoutes, empty, json, param } from '../call-context.js';
import { invalidArgument } from '../errors.js';
import { checkedMetadata } from '../machine-metadata.js';
import { type MachineFilters, machineView } from '../machine-store.js';
import { checkedTags } from '../machine-tags.js';
import { prefixed } from '../params.js';

/** CloudAPI's default and maximum page size for ListMachines. */
const MAX_LIMIT = 1000;

function listPage({ state, params }: CallContext) {
  const limit = params.limit === undefined ? MAX_LIMIT : Number(params.limit);
  const offset = params.offset === undefined ? 0 : Number(params.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidArgument(`limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('offset must be a non-negative integer');
  const str = (key: string) => (params[key] === undefined ? undefined : String(params[key]));
  const tags = Object.fromEntries(Object.entries(prefixed(params, 'tag')).map(([k, v]) => [k, String(v)]));
  if (params.tags === '*') tags['*'] = '*';
  const filters: MachineFilters = {
    type: str('type'),
    brand: str('brand'),
    name: str('name'),
    image: str('image') ?? str('dataset'),
    state: str('state'),
    memory: str('memory'),
    docker: str('docker'),
    tombstone: str('tombstone'),
    tags,
  };
  const page = state.machines.list(filters).slice(offset, offset + limit);
  // x-resource-count is the size of this page, not a grand total (the py-smartdc paging bug).
  const headers = { 'x-query-limit': String(limit), 'x-resource-count': String(page.length) };
  return { page, headers };
}

function machineId(request: EmulatorRequest): string {
  return param(request, 'id');
}

/** Machines: list (paged), get, create, actions, delete, and their firewall rules. */
export function registerMachines(routes: CloudRoutes): void {
  routes.get('/machines', (_req, call) => {
    const { page, headers } = listPage(call);
    return json(page.map(machineView), 200, headers);
  });
  routes.head('/machines', (_req, call) => empty(200, listPage(call).headers));
  routes.post('/machines', (_req, { state, params }) => {
    const machine = state.createMachine({
      image: params.image ?? params.dataset,
      package: params.package,
      name: params.name,
      networks: params.networks,
      firewall_enabled: params.firewall_enabled,
      deletion_protection: params.deletion_protection,
      metadata: bareRecord(checkedMetadata(prefixed(params, 'metadata'))),
      tags: bareRecord(checkedTags(prefixed(params, 'tag'))),
    });
    return json(machineView(machine), 201, { location: `/${state.account.login}/machines/${machine.id}` });
  });
  routes.get('/machines/:id', (req, { state }) => json(machineView(state.machines.get(machineId(req)))));
  routes.head('/machines/:id', (req, { state }) => {
    state.machines.get(machineId(req));
    return empty(200);
  });
  routes.post('/machines/:id', (req, { state, params }) => {
    state.machines.action(machineId(req), params.action, params, (ref) => state.package(ref));
    return empty(202);
  });
  routes.delete('/machines/:id', (req, { state }) => {
    state.machines.delete(machineId(req));
    return empty(204);
  });
  routes.get('/machines/:id/fwrules', (req, { state }) => {
    const machine = state.machines.get(machineId(req));
    return json(machine.firewall_enabled ? [...state.fwrules.values()].filter((rule) => rule.enabled) : []);
  });
}
