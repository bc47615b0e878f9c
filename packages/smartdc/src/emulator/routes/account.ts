import { type CloudRoutes, empty, json, param } from '../call-context.js';
import { notFound } from '../errors.js';
import { booleanParam, stringParam } from '../input-rules.js';
import { publicKeyView } from '../key-registry.js';
import type { AccountRecord } from '../records.js';

const ACCOUNT_FIELDS = [
  'email',
  'companyName',
  'firstName',
  'lastName',
  'address',
  'postalCode',
  'city',
  'state',
  'country',
  'phone',
  'triton_cns_enabled',
] as const;

function accountView(
  account: AccountRecord & { approved_for_provisioning: boolean; disabled: boolean },
): AccountRecord {
  const { approved_for_provisioning: _approved, disabled: _disabled, ...view } = account;
  return view;
}

/** Account, keys, sub-user keys, datacenters and services. */
export function registerAccount(routes: CloudRoutes): void {
  routes.get('', (_req, { state }) => json(accountView(state.account)));
  routes.head('', () => empty(200));
  routes.post('', (_req, { state, params }) => {
    // Every field is checked before any is applied, so a bad one changes nothing.
    const updates: [(typeof ACCOUNT_FIELDS)[number], string | boolean][] = [];
    for (const field of ACCOUNT_FIELDS) {
      const value = params[field];
      if (value === undefined) continue;
      updates.push([
        field,
        field === 'triton_cns_enabled' ? booleanParam(field, value) : stringParam(field, value),
      ]);
    }
    for (const [field, value] of updates) {
      if (field === 'triton_cns_enabled') state.account.triton_cns_enabled = value === true;
      else state.account[field] = String(value);
    }
    state.account.updated = new Date(state.now()).toISOString();
    return json(accountView(state.account));
  });
  routes.get('/limits', (_req, { state }) =>
    json([{ by: 'machines', value: 5000, used: state.machines.list({ tags: {} }).length }]),
  );
  routes.get('/keys', (_req, { state }) => json(state.keys.list().map(publicKeyView)));
  routes.post('/keys', (_req, { state, params }) => {
    const key = state.keys.add(params.key, params.name);
    return json(publicKeyView(key), 201, {
      location: `/${state.account.login}/keys/${encodeURIComponent(key.fingerprint)}`,
    });
  });
  routes.get('/keys/:key', (req, { state }) => json(publicKeyView(state.keys.get(param(req, 'key')))));
  routes.delete('/keys/:key', (req, { state }) => {
    state.keys.delete(param(req, 'key'));
    return empty(204);
  });
  routes.get('/users/:user/keys', (req, { state }) => {
    const user = state.users.get(param(req, 'user'));
    if (!user) throw notFound(`${param(req, 'user')} does not exist`);
    return json(user.keys.list().map(publicKeyView));
  });
  routes.get('/datacenters', (_req, { state }) => json(state.datacenters));
  routes.get('/datacenters/:name', (req, { state }) => {
    const name = param(req, 'name');
    const url = state.datacenters[name];
    if (!url) throw notFound(`${name} is not a valid datacenter`);
    // CloudAPI answers a redirect whose body is an error envelope naming the target.
    return json({ code: 'ResourceMoved', message: `${name} ${url}` }, 302, { location: url });
  });
  routes.get('/services', (_req, { state }) =>
    json({ cloudapi: state.datacenters[state.datacenterName] ?? '' }),
  );
}
