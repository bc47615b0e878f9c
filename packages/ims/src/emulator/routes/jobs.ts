import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { notFound, problem } from '../errors.js';
import { checkFields, type FieldSchema } from '../fields.js';
import { jsonInput } from '../request-body.js';
import { json, noContent, type RouteContext, route } from '../route-context.js';
import type { ImsState, StoredJob } from '../state.js';

/** Every status IMS accepts; it enforces no order between them. */
const STATUSES = [
  'creating',
  'fetching_image',
  'fetching_recipe',
  'waiting_for_repos',
  'building_image',
  'packaging_artifacts',
  'waiting_on_user',
  'error',
  'success',
] as const;

const CREATE: FieldSchema = {
  job_type: { kind: 'string', required: true, choices: ['create', 'customize'] },
  artifact_id: { kind: 'uuid', required: true },
  public_key_id: { kind: 'uuid', required: true },
  image_root_archive_name: { kind: 'string', required: true, minLength: 1 },
  enable_debug: { kind: 'boolean' },
  build_env_size: { kind: 'integer' },
  job_mem_size: { kind: 'integer' },
  kernel_file_name: { kind: 'string', minLength: 1 },
  initrd_file_name: { kind: 'string', minLength: 1 },
  kernel_parameters_file_name: { kind: 'string', minLength: 1 },
  require_dkms: { kind: 'boolean' },
  ssh_containers: { kind: 'any' },
};
const PATCH: FieldSchema = {
  status: { kind: 'string', choices: STATUSES },
  resultant_image_id: { kind: 'uuid' },
};

const AGE = /^(\d+)([wdhm])$/;
const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** Jobs matching `status` (repeatable), `job_type` and `age` (older than); 400 on a bad filter. */
function filtered(request: EmulatorRequest, state: ImsState): StoredJob[] {
  const statuses = request.query.getAll('status');
  const jobType = request.query.get('job_type');
  const age = request.query.get('age');
  const bad = statuses.find((status) => !(STATUSES as readonly string[]).includes(status));
  if (bad !== undefined)
    throw problem(400, `Invalid status filter "${bad}". Valid statuses: ${STATUSES.join(', ')}.`);
  if (jobType !== null && jobType !== 'create' && jobType !== 'customize') {
    throw problem(400, `Invalid job_type filter "${jobType}". Valid job types: create, customize.`);
  }
  let olderThan: number | undefined;
  if (age !== null) {
    const match = AGE.exec(age);
    if (!match)
      throw problem(400, `Invalid age filter "${age}". Use a number and a unit w, d, h or m, e.g. 1d.`);
    olderThan = state.now().getTime() - Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  return [...state.jobs.values()].filter(
    (job) =>
      (statuses.length === 0 || statuses.includes(job.status)) &&
      (jobType === null || job.job_type === jobType) &&
      (olderThan === undefined || (job.created_ms as number) <= olderThan),
  );
}

/** A job as served: without the emulator's private creation instant. */
function served(job: StoredJob): Record<string, unknown> {
  const { created_ms: _ms, ...rest } = job;
  return rest;
}

function sshContainers(id: string, names: string[]): Record<string, unknown>[] {
  return names.map((name) => ({
    name,
    jail: false,
    status: 'pending',
    connection_info: {
      customer_access: { host: `${id}.ims.cmn.shasta.local`, port: 22 },
      'cluster.local': { host: `cray-ims-${id}-service.ims.svc.cluster.local`, port: 22 },
    },
  }));
}

function newJob(input: Record<string, unknown>, state: ImsState): StoredJob {
  const jobType = input.job_type as 'create' | 'customize';
  const source =
    jobType === 'create'
      ? state.recipes.get(input.artifact_id as string)
      : state.images.get(input.artifact_id as string);
  if (!source) {
    throw problem(
      400,
      `The ${jobType === 'create' ? 'recipe' : 'image'} ${String(input.artifact_id)} does not exist.`,
    );
  }
  if (!source.link)
    throw problem(400, `The ${jobType === 'create' ? 'recipe' : 'image'} has no artifact link.`);
  if (!state.publicKeys.has(input.public_key_id as string)) {
    throw problem(400, `The public key ${String(input.public_key_id)} does not exist.`);
  }
  const requested = input.ssh_containers as { name?: unknown; jail?: unknown }[] | undefined;
  if (requested !== undefined) {
    if (!Array.isArray(requested)) throw problem(400, 'ssh_containers must be a list.');
    if (jobType === 'create' && requested.length > 0) {
      throw problem(400, 'SSH containers cannot be requested for create jobs; use enable_debug.');
    }
    if (requested.length > 1) throw problem(400, 'Only one SSH container per job is supported.');
  }
  const id = state.newId();
  const arch = source.arch;
  const recipeDkms = jobType === 'create' ? (source as { require_dkms?: boolean }).require_dkms : undefined;
  const enableDebug = (input.enable_debug as boolean | undefined) ?? false;
  const containerNames =
    jobType === 'customize' ? [String(requested?.[0]?.name ?? 'customize')] : enableDebug ? ['debug'] : [];
  const containers = sshContainers(id, containerNames);
  if (jobType === 'customize' && requested?.[0]?.jail === true)
    (containers[0] as { jail: boolean }).jail = true;
  const now = state.now();
  return {
    id,
    created: state.timestamp(),
    created_ms: now.getTime(),
    job_type: jobType,
    artifact_id: input.artifact_id,
    public_key_id: input.public_key_id,
    image_root_archive_name: input.image_root_archive_name,
    enable_debug: enableDebug,
    build_env_size: (input.build_env_size as number | undefined) ?? 60,
    job_mem_size: (input.job_mem_size as number | undefined) ?? 8,
    kernel_file_name:
      (input.kernel_file_name as string | undefined) ?? (arch === 'aarch64' ? 'Image' : 'vmlinuz'),
    initrd_file_name: (input.initrd_file_name as string | undefined) ?? 'initrd',
    kernel_parameters_file_name:
      (input.kernel_parameters_file_name as string | undefined) ?? 'kernel-parameters',
    require_dkms:
      arch === 'aarch64' ? true : (recipeDkms ?? (input.require_dkms as boolean | undefined) ?? true),
    arch,
    status: 'creating',
    resultant_image_id: null,
    ssh_containers: containers,
    kubernetes_job: `cray-ims-${id}-${jobType}`,
    kubernetes_service: `cray-ims-${id}-service`,
    kubernetes_configmap: `cray-ims-${id}-configmap`,
    kubernetes_pvc: `cray-ims-${id}-job-claim`,
    kubernetes_namespace: 'ims',
    kubernetes_secret: null,
    remote_build_node: '',
  };
}

/** `/jobs` and `/jobs/{id}` on every route family (jobs are hard-deleted on v3 too). */
export function registerJobs(router: Router, context: RouteContext): void {
  const { state } = context;
  const find = (id: string): StoredJob => {
    const job = state.jobs.get(id);
    if (!job) throw notFound();
    return job;
  };

  route(router, context, 'GET', '/jobs', (request) => json(200, filtered(request, state).map(served)));
  route(router, context, 'POST', '/jobs', (request) => {
    const input = jsonInput(request);
    checkFields(input, CREATE);
    const job = newJob(input, state);
    state.jobs.set(job.id, job);
    return json(201, served(job));
  });
  route(router, context, 'GET', '/jobs/:id', (request) =>
    json(200, served(find(request.params.id as string))),
  );
  route(router, context, 'PATCH', '/jobs/:id', (request) => {
    const job = find(request.params.id as string);
    const input = jsonInput(request);
    checkFields(input, PATCH);
    // No transition rules: any valid status, in any order, as often as asked.
    if (input.status !== undefined) job.status = input.status as string;
    if (input.resultant_image_id !== undefined) job.resultant_image_id = input.resultant_image_id;
    return json(200, served(job));
  });
  route(router, context, 'DELETE', '/jobs/:id', (request) => {
    state.jobs.delete(find(request.params.id as string).id);
    return noContent;
  });
  route(router, context, 'DELETE', '/jobs', (request) => {
    for (const job of filtered(request, state)) state.jobs.delete(job.id);
    return noContent;
  });
}
