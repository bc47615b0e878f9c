import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { notFound, PROBLEM_DETAILS, problem, unprocessable } from '../errors.js';
import { checkFields, type FieldSchema, storedLink } from '../fields.js';
import { sameLink, validateImageLink } from '../link-validation.js';
import { jsonInput } from '../request-body.js';
import { type ImsVersion, json, noContent, type RouteContext, route } from '../route-context.js';
import { deleteImageObjects, softDeleteImage } from '../s3-moves.js';
import type { StoredImage } from '../state.js';

const ARCH = { kind: 'string', choices: ['x86_64', 'aarch64'] } as const;
const CREATE: FieldSchema = {
  name: { kind: 'string', required: true, minLength: 1 },
  link: { kind: 'link' },
  arch: ARCH,
  metadata: { kind: 'any' },
};
const PATCH: FieldSchema = { link: { kind: 'link' }, arch: ARCH, metadata: { kind: 'any' } };

/** `metadata` on POST: a map, or one `{key, value}` pair. */
function createMetadata(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (Object.keys(record).sort().join(',') === 'key,value' && typeof record.key === 'string') {
      return { [record.key]: String(record.value) };
    }
    if (Object.values(record).every((v) => typeof v === 'string')) return record as Record<string, string>;
  }
  throw unprocessable({ metadata: ['Not a valid mapping type.'] });
}

function applyMetadata(image: StoredImage, value: unknown): void {
  const change = (value ?? {}) as { operation?: unknown; key?: unknown; value?: unknown };
  const errors: Record<string, string[]> = {};
  if (change.operation !== 'set' && change.operation !== 'remove')
    errors.operation = ['Must be one of: set, remove.'];
  if (typeof change.key !== 'string' || change.key === '') errors.key = ['Missing data for required field.'];
  if (change.operation === 'set' && typeof change.value !== 'string')
    errors.value = ['Missing data for required field.'];
  if (Object.keys(errors).length > 0) {
    throw unprocessable({ metadata: errors });
  }
  const key = change.key as string;
  if (change.operation === 'set') image.metadata[key] = change.value as string;
  else delete image.metadata[key];
}

/** `/images` and `/images/{id}` on every route family. */
export function registerImages(router: Router, context: RouteContext): void {
  const { state } = context;
  const find = (id: string): StoredImage => {
    const image = state.images.get(id);
    if (!image) throw notFound();
    return image;
  };

  route(router, context, 'GET', '/images', () => json(200, [...state.images.values()]));

  route(router, context, 'POST', '/images', async (request, version) => {
    const input = jsonInput(request);
    checkFields(input, CREATE);
    const link = storedLink(input.link);
    if (link) await validateImageLink(link, state, context.s3, version);
    const image: StoredImage = {
      id: state.newId(),
      created: state.timestamp(),
      name: input.name as string,
      link,
      arch: (input.arch as string | undefined) ?? 'x86_64',
      metadata: createMetadata(input.metadata),
    };
    state.images.set(image.id, image);
    return json(201, image);
  });

  route(router, context, 'GET', '/images/:id', (request) => json(200, find(request.params.id as string)));

  route(router, context, 'PATCH', '/images/:id', async (request, version) => {
    const image = find(request.params.id as string);
    const input = jsonInput(request);
    checkFields(input, PATCH);
    // IMS applies the keys one at a time, so an error part-way leaves the earlier ones applied.
    for (const [key, value] of Object.entries(input)) {
      if (key === 'arch') image.arch = value as string;
      else if (key === 'metadata') applyMetadata(image, value);
      else if (key === 'link') await patchLink(image, value, context, version);
    }
    return json(200, image);
  });

  const remove = async (request: EmulatorRequest, version: ImsVersion, image: StoredImage) => {
    if (version === 'v3') {
      await softDeleteImage(image, context);
      return;
    }
    state.images.delete(image.id);
    if (request.query.get('cascade')?.toLowerCase() !== 'false')
      await deleteImageObjects(image.link, context.s3);
  };

  route(router, context, 'DELETE', '/images/:id', async (request, version) => {
    await remove(request, version, find(request.params.id as string));
    return noContent;
  });

  route(router, context, 'DELETE', '/images', async (request, version) => {
    for (const image of [...state.images.values()]) await remove(request, version, image);
    return noContent;
  });
}

async function patchLink(
  image: StoredImage,
  value: unknown,
  context: RouteContext,
  version: ImsVersion,
): Promise<void> {
  const link = storedLink(value);
  if (!link) throw unprocessable({ link: ['Field may not be null.'] });
  if (image.link) {
    if (sameLink(image.link, link)) return;
    throw problem(409, PROBLEM_DETAILS.conflict);
  }
  await validateImageLink(link, context.state, context.s3, version, image.id);
  image.link = link;
}
