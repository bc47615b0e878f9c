import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, Router } from '@nimbus-sdk/core/testing';
import { type Caller, checkProject, requirePermission } from './auth.js';
import { restError } from './errors.js';
import { checkBody, type FieldRules, isUuid, objectBody, serialize } from './field-rules.js';
import { listRows } from './list-rows.js';
import { type EmulatorState, type Family, type Row, timestamp } from './state.js';

/** Where a request's parents put a new or listed row. */
export interface Scope {
  /** Fields every row of this collection shares with the URL (`instance`, `user`). */
  match: Record<string, unknown>;
  /** Defaults for a created row (`project_id` from the parent). */
  defaults: Record<string, unknown>;
  /** Rows whose `updated_at` moves when a child changes. */
  touch: Row[];
}

/** What differs between the CRUD collections of the s3aas API. */
export interface ResourceSpec {
  family: Family;
  /** The permission resource: `exordos_s3.<permission>.<action>`. */
  permission: string;
  rules: FieldRules;
  /** The collection route, ending in `/` (`/v1/types/s3/instances/:instance/buckets/`). */
  collection: string;
  /** Looks up and checks the parents; answers 404 when one is missing or not the caller's. */
  scope(request: EmulatorRequest, caller: Caller): Scope;
  /** Whether a caller sees a row (project filtering); default every row. */
  visible?(row: Row, caller: Caller): boolean;
  /** The row as answered (computed status). */
  view?(row: Row): Row;
  /** Fills generated fields of a new row. */
  generate?(row: Row, caller: Caller): void;
  /** Model validations, run after the field rules (the snapshot answers them with 500). */
  validate?(row: Row, previous?: Row): void;
  /** 409 on duplicates. */
  unique?(row: Row): void;
  /** Extra fields of the create answer only (the key's secret). */
  createAnswer?(row: Row): Record<string, unknown>;
  afterCreate?(row: Row): void;
  afterUpdate?(row: Row, previous: Row): void;
  /** Cascades and data-plane cleanup. */
  afterDelete?(row: Row): void;
}

/** Shared by every route of one emulator. */
export interface RestContext {
  state: EmulatorState;
  caller(request: EmulatorRequest): Caller;
  now(): Date;
}

/** Answers 400 ParseError for an id that is not a uuid, as restalchemy does. */
export function checkUuid(value: string | undefined): string {
  if (!isUuid(value)) throw restError(400, 'ParseError', `Can't parse value: uuid=${value}.`);
  return value;
}

/** Registers list/create on the collection and get/update/delete on `<collection><id>`. */
export function registerResource(router: Router, context: RestContext, spec: ResourceSpec): void {
  const table = () => context.state.rows[spec.family];
  const view = (row: Row) => (spec.view ? spec.view(row) : row);
  const inScope = (row: Row, scope: Scope, caller: Caller) =>
    Object.entries(scope.match).every(([key, value]) => row[key] === value) &&
    (spec.visible?.(row, caller) ?? true);
  const find = (request: EmulatorRequest, caller: Caller, scope: Scope): Row => {
    const id = checkUuid(request.params.id);
    const row = table().get(id);
    if (!row || !inScope(row, scope, caller)) {
      throw restError(404, 'RecordNotFound', `Can't found record in ${spec.family} with uuid=${id}`);
    }
    return row;
  };
  const touch = (scope: Scope, stamp: string) => {
    for (const parent of scope.touch) parent.updated_at = stamp;
  };
  const answer = (
    status: number,
    row: Row,
    extra: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ): EmulatorResponse => ({
    status,
    headers,
    body: { ...serialize(spec.rules, view(row)), ...extra },
  });

  router.get(spec.collection, (request) => {
    const caller = context.caller(request);
    requirePermission(caller, spec.permission, 'read');
    const scope = spec.scope(request, caller);
    const rows = [...table().values()].filter((row) => inScope(row, scope, caller)).map(view);
    const list = listRows(request, spec.rules, rows);
    return {
      status: 200,
      headers: list.headers,
      body: list.rows.map((row) => serialize(spec.rules, row, list.fields)),
    };
  });

  router.post(spec.collection, (request) => {
    const caller = context.caller(request);
    requirePermission(caller, spec.permission, 'create');
    const scope = spec.scope(request, caller);
    const body = objectBody(request.body);
    checkBody(spec.rules, { ...body }, 'create');
    for (const [key, value] of Object.entries(scope.match)) {
      if (body[key] !== undefined && body[key] !== value) {
        throw restError(400, 'ValidationPropertyIncompatibleError', `Property ${key} does not match the URL`);
      }
    }
    checkProject(caller, body.project_id);
    const stamp = timestamp(context.now());
    const uuid = (body.uuid as string | undefined) ?? randomUUID();
    if (table().has(uuid)) throw restError(409, 'ConflictRecords', `Duplicate uuid ${uuid}`);
    const row: Row = {
      ...scope.defaults,
      ...body,
      ...scope.match,
      uuid,
      created_at: stamp,
      updated_at: stamp,
    };
    spec.generate?.(row, caller);
    spec.validate?.(row);
    spec.unique?.(row);
    table().set(uuid, row);
    touch(scope, stamp);
    spec.afterCreate?.(row);
    const location = `${request.rawPath}${uuid}`;
    return answer(201, row, spec.createAnswer?.(row), { location });
  });

  router.get(`${spec.collection}:id`, (request) => {
    const caller = context.caller(request);
    requirePermission(caller, spec.permission, 'read');
    return answer(200, find(request, caller, spec.scope(request, caller)));
  });

  router.put(`${spec.collection}:id`, (request) => {
    const caller = context.caller(request);
    requirePermission(caller, spec.permission, 'update');
    const scope = spec.scope(request, caller);
    const row = find(request, caller, scope);
    const body = objectBody(request.body);
    if (body.uuid !== undefined && body.uuid !== row.uuid) {
      throw restError(
        400,
        'NotEqualUuidException',
        `uuid in the body (${String(body.uuid)}) is not the uuid in the URL (${row.uuid})`,
      );
    }
    const { uuid: _same, ...changes } = body;
    checkBody(spec.rules, changes, 'update', row);
    checkProject(caller, changes.project_id);
    const previous = { ...row };
    const next: Row = { ...row, ...changes };
    spec.validate?.(next, previous);
    spec.unique?.(next);
    const stamp = timestamp(context.now());
    Object.assign(row, changes, { updated_at: stamp });
    touch(scope, stamp);
    spec.afterUpdate?.(row, previous);
    return answer(200, row);
  });

  router.delete(`${spec.collection}:id`, (request) => {
    const caller = context.caller(request);
    requirePermission(caller, spec.permission, 'delete');
    const scope = spec.scope(request, caller);
    const row = find(request, caller, scope);
    table().delete(row.uuid);
    touch(scope, timestamp(context.now()));
    spec.afterDelete?.(row);
    return { status: 204 };
  });
}
