import type { Router } from '@nimbus-sdk/core/testing';
import { policyNotAuthorized } from '../errors.js';
import type { RestContext } from '../rest-routes.js';

/** The route lists: `/v1/` and `/v1/types/s3/` answer without a token, `/v1/types/` does not. */
export function registerDiscovery(router: Router, context: RestContext): void {
  router.get('/v1/', () => ({ status: 200, body: ['types'] }));
  router.get('/v1/types/', (request) => {
    if (!context.caller(request).user) throw policyNotAuthorized('metapaas.type.read');
    return { status: 200, body: ['s3'] };
  });
  router.get('/v1/types/s3/', () => ({ status: 200, body: ['versions', 'instances'] }));
}
