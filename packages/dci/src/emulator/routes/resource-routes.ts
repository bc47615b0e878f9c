import type { EmulatorRequest, EmulatorResponse, Router } from '@nimbus-sdk/core/testing';
import type { z } from 'zod';
import type { Caller } from '../caller.js';
import { dciError, malformed, notAuthorized, notFound } from '../errors.js';
import { jsonRequestBody } from '../json-request.js';
import { listRows } from '../list-rows.js';
import { schemaErrors } from '../schema-messages.js';
import type { DciState, Row, TableName } from '../state.js';

/** What every emulator route needs: the state and the caller of the request. */
export interface RouteContext {
  state: DciState;
  caller(request: EmulatorRequest): Promise<Caller>;
}

/** Parses a JSON body with `schema`, answering 400 `Request malformed` like the server's JSON schema. */
export function parseBody<T>(request: EmulatorRequest, schema: z.ZodType<T>): T {
  const result = schema.safeParse(jsonRequestBody(request), { reportInput: true });
  if (result.success) return result.data;
  throw malformed(schemaErrors(result.error.issues));
}

function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** How a stale If-Match is answered: DCI folds the etag into its lookup (404) or reports a conflict (409). */
export type StaleAnswer = 404 | 409;

/** Enforces If-Match: missing → 412, stale → the resource's 404 or 409. */
export function checkIfMatch(
  request: EmulatorRequest,
  row: Row,
  label: string,
  stale: StaleAnswer,
  op: 'update' | 'delete',
): void {
  const ifMatch = header(request, 'if-match');
  if (ifMatch === undefined) throw dciError(412, "'If-match' header must be provided");
  if (ifMatch === row.etag) return;
  if (stale === 404) throw notFound(label);
  throw dciError(
    409,
    op === 'update'
      ? `update failed, either ${label} not found or etag not matched`
      : 'delete failed, check etag',
  );
}

/** Which answer a row is serialised for. */
export type AnswerKind = 'list' | 'one' | 'create' | 'update';

/** A top-level resource's rules. */
export interface ResourceSpec {
  table: TableName;
  singular: string;
  plural: string;
  columns: readonly string[];
  defaultSort?: string;
  createSchema: z.ZodType<Record<string, unknown>>;
  updateSchema: z.ZodType<Record<string, unknown>>;
  staleUpdate: StaleAnswer;
  staleDelete: StaleAnswer;
  /** Whether GET one answers an ETag header (not for pipelines). */
  etagHeader: boolean;
  visible(caller: Caller, row: Row): boolean;
  /** Throws when the caller may not list this resource at all (401 upstream). */
  authorizeList?(caller: Caller): void;
  /** Throws when the caller may not create this body. */
  authorizeCreate(caller: Caller, body: Record<string, unknown>): void;
  canWrite(caller: Caller, row: Row): boolean;
  /** Fields the server fills in on create. */
  defaults(caller: Caller, body: Record<string, unknown>, request: EmulatorRequest): Record<string, unknown>;
  /** Serialises a row for one kind of answer (hides secrets, embeds relations in `one`). */
  view?(row: Row, answer: AnswerKind): Record<string, unknown>;
  /** Unique `name` among visible rows (409 on clash). */
  uniqueName?: boolean;
  afterCreate?(row: Row, caller: Caller): void;
  afterUpdate?(row: Row, before: Record<string, unknown>, caller: Caller): void;
  afterDelete?(row: Row): void;
}

/** Rows of `spec` the caller may see. */
export function visibleRows(context: RouteContext, spec: ResourceSpec, caller: Caller): Row[] {
  return context.state.rows(spec.table).filter((row) => spec.visible(caller, row));
}

/** One row the caller may see, or a 404. */
export function visibleRow(context: RouteContext, spec: ResourceSpec, caller: Caller, id: string): Row {
  const row = context.state.find(spec.table, id);
  if (!row || !spec.visible(caller, row)) throw notFound(spec.singular);
  return row;
}

/** A list answer with the rules of 6.2. */
export function listAnswer(
  request: EmulatorRequest,
  rows: readonly Row[],
  spec: Pick<ResourceSpec, 'plural' | 'columns' | 'defaultSort' | 'view'>,
): EmulatorResponse {
  const { items, count } = listRows(request, rows, spec.columns, spec.defaultSort);
  const view = spec.view ?? ((row: Row) => row);
  return { status: 200, body: { [spec.plural]: items.map((row) => view(row, 'list')), _meta: { count } } };
}

function clash(context: RouteContext, spec: ResourceSpec, name: unknown, except?: string): void {
  if (!spec.uniqueName || name === undefined) return;
  const taken = context.state.rows(spec.table).some((row) => row.name === name && row.id !== except);
  if (taken) throw dciError(409, `conflict on ${spec.plural}`, { error: { name: 'already_exists' } });
}

/** Registers list, get, create, update and delete of a top-level resource. */
export function registerResource(router: Router, context: RouteContext, spec: ResourceSpec): void {
  const base = `/api/v1/${spec.plural}`;
  const view = (row: Row, answer: AnswerKind) => (spec.view ? spec.view(row, answer) : row);
  const writeGuard = (caller: Caller, row: Row) => {
    if (caller.readOnly && !caller.superAdmin) throw notAuthorized();
    if (!spec.canWrite(caller, row)) throw notAuthorized();
  };

  router.get(base, async (request) => {
    const caller = await context.caller(request);
    spec.authorizeList?.(caller);
    return listAnswer(request, visibleRows(context, spec, caller), spec);
  });

  router.get(`${base}/:id`, async (request) => {
    const caller = await context.caller(request);
    const row = visibleRow(context, spec, caller, request.params.id ?? '');
    return {
      status: 200,
      headers: spec.etagHeader ? { etag: row.etag } : undefined,
      body: { [spec.singular]: view(row, 'one') },
    };
  });

  router.post(base, async (request) => {
    const caller = await context.caller(request);
    const body = parseBody(request, spec.createSchema);
    if (caller.readOnly && !caller.superAdmin) throw notAuthorized();
    spec.authorizeCreate(caller, body);
    clash(context, spec, body.name);
    const row = context.state.insert(spec.table, { ...spec.defaults(caller, body, request), ...body });
    spec.afterCreate?.(row, caller);
    return { status: 201, headers: { etag: row.etag }, body: { [spec.singular]: view(row, 'create') } };
  });

  router.put(`${base}/:id`, async (request) => {
    const caller = await context.caller(request);
    const row = visibleRow(context, spec, caller, request.params.id ?? '');
    checkIfMatch(request, row, spec.singular, spec.staleUpdate, 'update');
    const body = parseBody(request, spec.updateSchema);
    writeGuard(caller, row);
    clash(context, spec, body.name, row.id);
    const before = { ...row };
    // The schema is strict, so `body` holds only its own known keys; set them as data properties.
    for (const [key, value] of Object.entries(body))
      Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
    context.state.touch(row);
    spec.afterUpdate?.(row, before, caller);
    return { status: 200, headers: { etag: row.etag }, body: { [spec.singular]: view(row, 'update') } };
  });

  router.delete(`${base}/:id`, async (request) => {
    const caller = await context.caller(request);
    const row = visibleRow(context, spec, caller, request.params.id ?? '');
    checkIfMatch(request, row, spec.singular, spec.staleDelete, 'delete');
    writeGuard(caller, row);
    row.state = 'archived';
    context.state.touch(row);
    spec.afterDelete?.(row);
    return { status: 204 };
  });
}
