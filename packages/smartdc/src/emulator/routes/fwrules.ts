import { type CloudRoutes, empty, json, param } from '../call-context.js';

/** Firewall rules; the rule text is stored after a light syntax check. */
export function registerFirewallRules(routes: CloudRoutes): void {
  routes.get('/fwrules', (_req, { state }) => json([...state.fwrules.values()]));
  routes.post('/fwrules', (_req, { state, params }) => {
    const rule = state.createFirewallRule(params);
    return json(rule, 201, { location: `/${state.account.login}/fwrules/${rule.id}` });
  });
  routes.get('/fwrules/:id', (req, { state }) => json(state.firewallRule(param(req, 'id'))));
  routes.post('/fwrules/:id', (req, { state, params }) =>
    json(state.updateFirewallRule(param(req, 'id'), params)),
  );
  routes.post('/fwrules/:id/enable', (req, { state }) =>
    json(state.updateFirewallRule(param(req, 'id'), { enabled: true })),
  );
  routes.post('/fwrules/:id/disable', (req, { state }) =>
    json(state.updateFirewallRule(param(req, 'id'), { enabled: false })),
  );
  routes.delete('/fwrules/:id', (req, { state }) => {
    state.deleteFirewallRule(param(req, 'id'));
    return empty(204);
  });
  routes.get('/fwrules/:id/machines', (req, { state }) => {
    state.firewallRule(param(req, 'id'));
    return json([]);
  });
}
