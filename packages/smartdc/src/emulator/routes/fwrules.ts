import { type CloudRoute, empty, json, param } from '../call-context.js';

/** Firewall rules; the rule text is stored after a light syntax check. */
export const firewallRoutes: CloudRoute[] = [
  { method: 'GET', path: '/fwrules', handler: (_req, { state }) => json([...state.fwrules.values()]) },
  {
    method: 'POST',
    path: '/fwrules',
    handler: (_req, { state, params }) => {
      const rule = state.createFirewallRule(params);
      return json(rule, 201, { location: `/${state.account.login}/fwrules/${rule.id}` });
    },
  },
  {
    method: 'GET',
    path: '/fwrules/:id',
    handler: (req, { state }) => json(state.firewallRule(param(req, 'id'))),
  },
  {
    method: 'POST',
    path: '/fwrules/:id',
    handler: (req, { state, params }) => json(state.updateFirewallRule(param(req, 'id'), params)),
  },
  {
    method: 'POST',
    path: '/fwrules/:id/enable',
    handler: (req, { state }) => json(state.updateFirewallRule(param(req, 'id'), { enabled: true })),
  },
  {
    method: 'POST',
    path: '/fwrules/:id/disable',
    handler: (req, { state }) => json(state.updateFirewallRule(param(req, 'id'), { enabled: false })),
  },
  {
    method: 'DELETE',
    path: '/fwrules/:id',
    handler: (req, { state }) => {
      state.deleteFirewallRule(param(req, 'id'));
      return empty(204);
    },
  },
  {
    method: 'GET',
    path: '/fwrules/:id/machines',
    handler: (req, { state }) => {
      state.firewallRule(param(req, 'id'));
      return json([]);
    },
  },
];
