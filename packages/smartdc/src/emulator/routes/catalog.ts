import { versionAtLeast } from '../api-version.js';
import { type CloudRoutes, json, param } from '../call-context.js';
import { cloudApiError } from '../errors.js';
import type { ImageRecord, PackageRecord } from '../records.js';

/** API 7.x reports the old machine-type names instead of IMGAPI types. */
function imageView(image: ImageRecord & { urn: string }, version: string, legacy = false): ImageRecord {
  const { urn, ...view } = image;
  const type = versionAtLeast(version, '8.0.0')
    ? view.type
    : view.type === 'zvol'
      ? 'virtualmachine'
      : 'smartmachine';
  return legacy ? { ...view, type, urn } : { ...view, type };
}

function matchesFilter(value: unknown, filter: unknown): boolean {
  if (filter === undefined) return true;
  const pattern = String(filter);
  if (pattern.includes('*')) {
    const regex = new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return regex.test(String(value));
  }
  return String(value) === pattern;
}

const IMAGE_FILTERS = ['name', 'os', 'version', 'public', 'owner', 'type'] as const;
const PACKAGE_FILTERS = ['name', 'memory', 'disk', 'swap', 'lwps', 'vcpus', 'version', 'group'] as const;

/** Images (and the legacy datasets view), packages and networks. */
export function registerCatalog(routes: CloudRoutes): void {
  routes.get('/images', (_req, { state, params, version }) => {
    const wantedState = params.state === undefined ? 'active' : String(params.state);
    const images = state.images.filter(
      (image) =>
        (wantedState === 'all' || image.state === wantedState) &&
        IMAGE_FILTERS.every((field) => matchesFilter(image[field], params[field])),
    );
    return json(images.map((image) => imageView(image, version)));
  });
  routes.get('/images/:id', (req, { state, version }) =>
    json(imageView(state.image(param(req, 'id')), version)),
  );
  routes.get('/datasets', (req, { state, version }) => {
    if (versionAtLeast(version, '8.0.0'))
      throw cloudApiError(404, 'ResourceNotFound', `${req.rawPath} does not exist`);
    return json(state.images.map((image) => imageView(image, version, true)));
  });
  routes.get('/datasets/:id', (req, { state, version }) => {
    if (versionAtLeast(version, '8.0.0'))
      throw cloudApiError(404, 'ResourceNotFound', `${req.rawPath} does not exist`);
    return json(imageView(state.dataset(param(req, 'id')), version, true));
  });
  routes.get('/packages', (_req, { state, params }) =>
    json(
      state.packages.filter((pkg: PackageRecord) =>
        PACKAGE_FILTERS.every((field) => matchesFilter(pkg[field], params[field])),
      ),
    ),
  );
  routes.get('/packages/:id', (req, { state }) => json(state.package(param(req, 'id'))));
  routes.get('/networks', (_req, { state }) => json(state.networks));
  routes.get('/networks/:id', (req, { state }) => json(state.network(param(req, 'id'))));
}
