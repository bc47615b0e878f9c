import { randomUUID } from 'node:crypto';
import { bareRecord, type EmulatorRequest } from '@nimbus-sdk/core/testing';
import { type CloudRoutes, empty, json, param } from '../call-context.js';
import { deleteMetadata, getMetadata, updateMetadata } from '../machine-metadata.js';
import { deleteTag, getTag, setTags } from '../machine-tags.js';
import { dataParams } from '../params.js';
import type { SmartdcState } from '../state.js';

/**
 * GetMachineMetadata / GetMachineTag: the raw value for `Accept: text/plain`, otherwise (JSON, any,
 * or no Accept) the value JSON-encoded as `application/json`, e.g. `"dev"`.
 */
function singleValue(request: EmulatorRequest, value: unknown) {
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('text/plain') && !accept.includes('application/json')) {
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: String(value) };
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

const id = (request: EmulatorRequest) => param(request, 'id');
const machines = (state: SmartdcState) => state.machines;
const machine = (state: SmartdcState, request: EmulatorRequest) => state.machines.get(id(request));

/** Snapshots, metadata and tags of a machine. */
export function registerMachineData(routes: CloudRoutes): void {
  routes.get('/machines/:id/snapshots', (req, { state }) => json(machines(state).listSnapshots(id(req))));
  routes.post('/machines/:id/snapshots', (req, { state, params }) => {
    const snapshot = machines(state).createSnapshot(id(req), params.name);
    return json(snapshot, 201, {
      location: `/${state.account.login}/machines/${id(req)}/snapshots/${encodeURIComponent(snapshot.name)}`,
    });
  });
  routes.get('/machines/:id/snapshots/:name', (req, { state }) =>
    json(machines(state).getSnapshot(id(req), param(req, 'name'))),
  );
  routes.post('/machines/:id/snapshots/:name', (req, { state }) => {
    machines(state).startFromSnapshot(id(req), param(req, 'name'));
    return empty(202);
  });
  routes.delete('/machines/:id/snapshots/:name', (req, { state }) => {
    machines(state).deleteSnapshot(id(req), param(req, 'name'));
    return empty(204);
  });
  routes.get('/machines/:id/metadata', (req, { state }) =>
    json(bareRecord(machines(state).get(id(req)).metadata)),
  );
  // CloudAPI answers the merged metadata at once and names the job that applies it.
  routes.post('/machines/:id/metadata', (req, { state, params }) =>
    json(updateMetadata(machine(state, req), dataParams(params), new Date(state.now())), 200, {
      'x-job-uuid': randomUUID(),
    }),
  );
  routes.get('/machines/:id/metadata/:key', (req, { state }) =>
    singleValue(req, getMetadata(machine(state, req), param(req, 'key'))),
  );
  routes.delete('/machines/:id/metadata/:key', (req, { state }) => {
    deleteMetadata(machine(state, req), param(req, 'key'));
    return empty(204);
  });
  routes.delete('/machines/:id/metadata', (req, { state }) => {
    deleteMetadata(machine(state, req), undefined);
    return empty(204);
  });
  routes.get('/machines/:id/tags', (req, { state }) => json(bareRecord(machines(state).get(id(req)).tags)));
  routes.post('/machines/:id/tags', (req, { state, params }) =>
    json(setTags(machine(state, req), dataParams(params), false)),
  );
  routes.put('/machines/:id/tags', (req, { state, params }) =>
    json(setTags(machine(state, req), dataParams(params), true)),
  );
  routes.get('/machines/:id/tags/:tag', (req, { state }) =>
    singleValue(req, getTag(machine(state, req), param(req, 'tag'))),
  );
  routes.delete('/machines/:id/tags/:tag', (req, { state }) => {
    deleteTag(machine(state, req), param(req, 'tag'));
    return empty(204);
  });
  routes.delete('/machines/:id/tags', (req, { state }) => {
    deleteTag(machine(state, req), undefined);
    return empty(204);
  });
}
