import type { Account } from '../../types.js';
import { type CloudRoute, empty, json, param } from '../call-context.js';
import { notFound } from '../errors.js';
import { booleanParam, stringParam } from '../input-rules.js';
import { publicKeyView } from '../key-registry.js';

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

function accountView(account: Account & { approved_for_provisioning: boolean; disabled: boolean }): Account {
  const { approved_for_provisioning: _approved, disabled: _disabled, ...view } = account;
  return view;
}

/** Account, keys, sub-user keys, datacenters and services. */
export const accountRoutes: CloudRoute[] = [
  { method: 'GET', path: '', handler: (_req, { state }) => json(accountView(state.account)) },
  { method: 'HEAD', path: '', handler: () => empty(200) },
  {
    method: 'POST',
    path: '',
    handler: (_req, { state, params }) => {
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
    },
  },
  {
    method: 'GET',
    path: '/limits',
    handler: (_req, { state }) =>
      json([{ by: 'machines', value: 5000, used: state.machines.list({ tags: {} }).length }]),
  },
  { method: 'GET', path: '/keys', handler: (_req, { state }) => json(state.keys.list().map(publicKeyView)) },
  {
    method: 'POST',
    path: '/keys',
    handler: (_req, { state, params }) => {
      const key = state.keys.add(params.key, params.name);
      return json(publicKeyView(key), 201, {
        location: `/${state.account.login}/keys/${encodeURIComponent(key.fingerprint)}`,
      });
    },
  },
  {
    method: 'GET',
    path: '/keys/:key',
    handler: (req, { state }) => json(publicKeyView(state.keys.get(param(req, 'key')))),
  },
  {
    method: 'DELETE',
    path: '/keys/:key',
    handler: (req, { state }) => {
      state.keys.delete(param(req, 'key'));
      return empty(204);
    },
  },
  {
    method: 'GET',
    path: '/users/:user/keys',
    handler: (req, { state }) => {
      const user = state.users.get(param(req, 'user'));
      if (!user) throw notFound(`${param(req, 'user')} does not exist`);
      return json(user.keys.list().map(publicKeyView));
    },
  },
  { method: 'GET', path: '/datacenters', handler: (_req, { state }) => json(state.datacenters) },
  {
    method: 'GET',
    path: '/datacenters/:name',
    handler: (req, { state }) => {
      const name = param(req, 'name');
      const url = state.datacenters[name];
      if (!url) throw notFound(`${name} is not a valid datacenter`);
      // CloudAPI answers a redirect whose body is an error envelope naming the target.
      return json({ code: 'ResourceMoved', message: `${name} ${url}` }, 302, { location: url });
    },
  },
  {
    method: 'GET',
    path: '/services',
    handler: (_req, { state }) => json({ cloudapi: state.datacenters[state.datacenterName] ?? '' }),
  },
];
