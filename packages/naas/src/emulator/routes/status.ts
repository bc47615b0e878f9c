import type { Router } from '@nimbus-sdk/core/testing';
import { naasErrors } from '../errors.js';
import type { RouteContext } from '../route-context.js';

/** `GET /` (naas-python's status pre-check) and the auth host's token trades (spec §1.3, §2.4). */
export function registerStatusAndTrades(router: Router, { state }: RouteContext): void {
  router.get('/', () => ({ status: 200, body: { status: 'ok' } }));
  for (const kind of ['workspace', 'jupyterhub'] as const) {
    router.get(`/bearer/${kind}/longlived`, (request) => {
      const code = request.query.get('token');
      if (!code) throw naasErrors.validation('token', 'field required');
      const trade = state.tradeCodes.get(code);
      if (!trade || trade.kind !== kind) throw naasErrors.detail(401, 'Invalid token');
      // Web-login codes are short-lived and single use; JupyterHub tokens can be traded again.
      if (kind === 'workspace') state.tradeCodes.delete(code);
      return { status: 200, body: { access_token: trade.jwt } };
    });
  }
}
