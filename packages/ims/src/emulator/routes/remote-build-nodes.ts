import type { Router } from '@nimbus-sdk/core/testing';
import { notFound } from '../errors.js';
import { checkFields } from '../fields.js';
import { jsonInput } from '../request-body.js';
import { json, noContent, type RouteContext, route } from '../route-context.js';

/**
 * `/v3/remote-build-nodes` (only v3 is routed). The status probe cannot SSH anywhere, so every
 * registered node reports itself reachable and idle.
 */
export function registerRemoteBuildNodes(router: Router, context: RouteContext): void {
  const nodes = context.state.remoteBuildNodes;
  const status = (xname: string) => ({
    xname,
    sshStatus: 'Success',
    podmanStatus: 'Success',
    nodeArch: 'x86_64',
    numCurrentJobs: [...context.state.jobs.values()].filter(
      (job) => job.remote_build_node === xname && job.status !== 'success' && job.status !== 'error',
    ).length,
    ableToRunJobs: true,
  });
  const find = (xname: string) => {
    const node = nodes.get(xname);
    if (!node) throw notFound();
    return node;
  };
  const v3 = ['v3'] as const;
  route(router, context, 'GET', '/remote-build-nodes', () => json(200, [...nodes.values()]), v3);
  route(
    router,
    context,
    'POST',
    '/remote-build-nodes',
    (request) => {
      const input = jsonInput(request);
      checkFields(input, { xname: { kind: 'string', required: true, minLength: 1 } });
      const node = { xname: input.xname as string };
      nodes.set(node.xname, node);
      return json(201, node);
    },
    v3,
  );
  route(
    router,
    context,
    'GET',
    '/remote-build-nodes/status',
    () => json(200, [...nodes.keys()].map(status)),
    v3,
  );
  route(
    router,
    context,
    'GET',
    '/remote-build-nodes/status/:xname',
    (request) => json(200, status(find(request.params.xname as string).xname)),
    v3,
  );
  route(
    router,
    context,
    'GET',
    '/remote-build-nodes/:xname',
    (r) => json(200, find(r.params.xname as string)),
    v3,
  );
  route(
    router,
    context,
    'DELETE',
    '/remote-build-nodes/:xname',
    (request) => {
      nodes.delete(find(request.params.xname as string).xname);
      return noContent;
    },
    v3,
  );
  route(
    router,
    context,
    'DELETE',
    '/remote-build-nodes',
    () => {
      nodes.clear();
      return noContent;
    },
    v3,
  );
}
