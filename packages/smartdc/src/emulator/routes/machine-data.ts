import { randomUUID } from 'node:crypto';
import { bareRecord, type EmulatorRequest } from '@nimbus-sdk/core/testing';
import { type CloudRoute, empty, json, param } from '../call-context.js';
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
export const machineDataRoutes: CloudRoute[] = [
  {
    method: 'GET',
    path: '/machines/:id/snapshots',
    handler: (req, { state }) => json(machines(state).listSnapshots(id(req))),
  },
  {
    method: 'POST',
    path: '/machines/:id/snapshots',
    handler: (req, { state, params }) => {
      const snapshot = machines(state).createSnapshot(id(req), params.name);
      return json(snapshot, 201, {
        location: `/${state.account.login}/machines/${id(req)}/snapshots/${encodeURIComponent(snapshot.name)}`,
      });
    },
  },
  {
    method: 'GET',
    path: '/machines/:id/snapshots/:name',
    handler: (req, { state }) => json(machines(state).getSnapshot(id(req), param(req, 'name'))),
  },
  {
    method: 'POST',
    path: '/machines/:id/snapshots/:name',
    handler: (req, { state }) => {
      machines(state).startFromSnapshot(id(req), param(req, 'name'));
      return empty(202);
    },
  },
  {
    method: 'DELETE',
    path: '/machines/:id/snapshots/:name',
    handler: (req, { state }) => {
      machines(state).deleteSnapshot(id(req), param(req, 'name'));
      return empty(204);
    },
  },
  {
    method: 'GET',
    path: '/machines/:id/metadata',
    handler: (req, { state }) => json(bareRecord(machines(state).get(id(req)).metadata)),
  },
  {
    method: 'POST',
    path: '/machines/:id/metadata',
    // CloudAPI answers the merged metadata at once and names the job that applies it.
    handler: (req, { state, params }) =>
      json(updateMetadata(machine(state, req), dataParams(params), new Date(state.now())), 200, {
        'x-job-uuid': randomUUID(),
      }),
  },
  {
    method: 'GET',
    path: '/machines/:id/metadata/:key',
    handler: (req, { state }) => singleValue(req, getMetadata(machine(state, req), param(req, 'key'))),
  },
  {
    method: 'DELETE',
    path: '/machines/:id/metadata/:key',
    handler: (req, { state }) => {
      deleteMetadata(machine(state, req), param(req, 'key'));
      return empty(204);
    },
  },
  {
    method: 'DELETE',
    path: '/machines/:id/metadata',
    handler: (req, { state }) => {
      deleteMetadata(machine(state, req), undefined);
      return empty(204);
    },
  },
  {
    method: 'GET',
    path: '/machines/:id/tags',
    handler: (req, { state }) => json(bareRecord(machines(state).get(id(req)).tags)),
  },
  {
    method: 'POST',
    path: '/machines/:id/tags',
    handler: (req, { state, params }) => json(setTags(machine(state, req), dataParams(params), false)),
  },
  {
    method: 'PUT',
    path: '/machines/:id/tags',
    handler: (req, { state, params }) => json(setTags(machine(state, req), dataParams(params), true)),
  },
  {
    method: 'GET',
    path: '/machines/:id/tags/:tag',
    handler: (req, { state }) => singleValue(req, getTag(machine(state, req), param(req, 'tag'))),
  },
  {
    method: 'DELETE',
    path: '/machines/:id/tags/:tag',
    handler: (req, { state }) => {
      deleteTag(machine(state, req), param(req, 'tag'));
      return empty(204);
    },
  },
  {
    method: 'DELETE',
    path: '/machines/:id/tags',
    handler: (req, { state }) => {
      deleteTag(machine(state, req), undefined);
      return empty(204);
    },
  },
];
