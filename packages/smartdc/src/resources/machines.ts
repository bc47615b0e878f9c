import { offsetLimitPages, type PagedIterable, ValidationError } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireMachineName, requireText } from '../input-checks.js';
import type { Machine } from '../types.js';

/** CloudAPI's default and maximum ListMachines page. */
export const MAX_PAGE_SIZE = 1000;

/** ListMachines filters. */
export interface MachineFilters {
  type?: 'smartmachine' | 'virtualmachine';
  brand?: string;
  name?: string;
  image?: string;
  state?: 'provisioning' | 'stopping' | 'active' | 'stopped' | 'running' | 'unknown' | 'destroyed';
  memory?: number;
  /** Only Docker containers (`true`) or only non-Docker machines (`false`). */
  docker?: boolean;
  /** Include deleted machines. */
  tombstone?: boolean;
  /** `tag.<k>=<v>` filters. */
  tags?: Record<string, string | number | boolean>;
}

/** Paging of {@link MachinesResource.list}: a page size (≤ 1000) and where to start. */
export interface MachinePaging {
  pageSize?: number;
  offset?: number;
}

/** CreateMachine input. `image` and `package` are required since SDC 7 (py-smartdc defect 13). */
export interface CreateMachineInput {
  /** Image UUID (resolve names with `images.resolve`). */
  image: string;
  /** Package UUID or name. */
  package: string;
  name?: string;
  networks?: string[];
  metadata?: Record<string, string>;
  tags?: Record<string, string | number | boolean>;
  /** Runs at every boot (`metadata.user-script`). */
  userScript?: string;
  firewallEnabled?: boolean;
  deletionProtection?: boolean;
}

/** Actions sent as POST /:login/machines/:id with `action=`; all answer 202. */
export type MachineAction =
  | 'start'
  | 'stop'
  | 'reboot'
  | 'resize'
  | 'rename'
  | 'enable_firewall'
  | 'disable_firewall'
  | 'enable_deletion_protection'
  | 'disable_deletion_protection';

function filterQuery(filters: MachineFilters): Record<string, string | number | boolean | undefined> {
  const { tags, ...rest } = filters;
  const query: Record<string, string | number | boolean | undefined> = { ...rest };
  for (const [key, value] of Object.entries(tags ?? {})) query[`tag.${key}`] = value;
  return query;
}

/**
 * The CreateMachine body for `input`, checked: what {@link MachinesResource.create} sends, and
 * what a dry run shows (metadata and tags flattened to `metadata.<k>` and `tag.<k>`).
 */
export function createMachineBody(input: CreateMachineInput): Record<string, unknown> {
  requireText('machines.create', 'image', input.image);
  requireText('machines.create', 'package', input.package);
  if (input.name !== undefined) requireMachineName('machines.create', input.name);
  const body: Record<string, unknown> = { image: input.image, package: input.package };
  if (input.name !== undefined) body.name = input.name;
  if (input.networks !== undefined) body.networks = input.networks;
  if (input.firewallEnabled !== undefined) body.firewall_enabled = input.firewallEnabled;
  if (input.deletionProtection !== undefined) body.deletion_protection = input.deletionProtection;
  for (const [key, value] of Object.entries(input.metadata ?? {})) body[`metadata.${key}`] = value;
  if (input.userScript !== undefined) body['metadata.user-script'] = input.userScript;
  for (const [key, value] of Object.entries(input.tags ?? {})) body[`tag.${key}`] = value;
  return body;
}

/** Machines (instances): list with paging, get, create, actions, delete. */
export class MachinesResource {
  constructor(private readonly context: SmartdcContext) {}

  private machinePath(method: string, id: string, ...rest: string[]): string {
    return accountPath(this.context, 'machines', { id: requireText(method, 'id', id) }, ...rest);
  }

  private async action(
    method: string,
    id: string,
    name: MachineAction,
    extra: Record<string, string>,
    options: CallOptions,
  ): Promise<void> {
    // A JSON body rather than py-smartdc's bare query params (defect 12); CloudAPI merges both.
    await this.context.transport.send({
      method: 'POST',
      path: this.machinePath(method, id),
      body: { json: { action: name, ...extra } },
      responseType: 'none',
      ...options,
    });
  }

  /**
   * Every machine matching `filters`, fetched lazily page by page: CloudAPI caps a page at 1000
   * and `x-resource-count` counts the page, so the walk stops on the first short page.
   * @example for await (const m of triton.machines.list({ state: 'running' })) console.log(m.name);
   */
  list(filters: MachineFilters = {}, paging: MachinePaging = {}): PagedIterable<Machine, number> {
    const pageSize = paging.pageSize ?? MAX_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new ValidationError(`machines.list: pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`, [
        { path: 'pageSize', message: `got ${String(pageSize)}` },
      ]);
    }
    const query = filterQuery(filters);
    return offsetLimitPages<Machine>({
      pageSize,
      startOffset: paging.offset ?? 0,
      fetch: async (offset, limit, signal) => {
        const response = await this.context.transport.send<Machine[]>({
          method: 'GET',
          path: accountPath(this.context, 'machines'),
          query: { ...query, offset, limit },
          signal,
        });
        return { items: response.data };
      },
    });
  }
  /** How many machines one page would hold (HEAD, `x-resource-count`): at most 1000. */
  async countPage(filters: MachineFilters = {}, options: CallOptions = {}): Promise<number> {
    const response = await this.context.transport.send({
      method: 'HEAD',
      path: accountPath(this.context, 'machines'),
      query: filterQuery(filters),
      responseType: 'none',
      ...options,
    });
    return Number(response.headers.get('x-resource-count') ?? 0);
  }
  async get(id: string, options: CallOptions = {}): Promise<Machine> {
    return (
      await this.context.transport.send<Machine>({
        method: 'GET',
        path: this.machinePath('machines.get', id),
        ...options,
      })
    ).data;
  }
  /**
   * Provisions a machine; it answers `provisioning` at once. Wait with `waitForMachineState`.
   * @example const m = await triton.machines.create({ image, package: 'g4-highcpu-512M', name: 'web-1' });
   */
  async create(input: CreateMachineInput, options: CallOptions = {}): Promise<Machine> {
    const body = createMachineBody(input);
    return (
      await this.context.transport.send<Machine>({
        method: 'POST',
        path: accountPath(this.context, 'machines'),
        body: { json: body },
        outcomeHint: `look for ${input.name === undefined ? 'a new machine' : `a machine named "${input.name}"`} in the machine list before creating it again`,
        ...options,
      })
    ).data;
  }
  start(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.start', id, 'start', {}, options);
  }

  stop(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.stop', id, 'stop', {}, options);
  }

  reboot(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.reboot', id, 'reboot', {}, options);
  }

  /** Changes the package (not for kvm). */
  async resize(id: string, pkg: string, options: CallOptions = {}): Promise<void> {
    return this.action(
      'machines.resize',
      id,
      'resize',
      { package: requireText('machines.resize', 'package', pkg) },
      options,
    );
  }

  async rename(id: string, name: string, options: CallOptions = {}): Promise<void> {
    return this.action(
      'machines.rename',
      id,
      'rename',
      { name: requireMachineName('machines.rename', name) },
      options,
    );
  }

  enableFirewall(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.enableFirewall', id, 'enable_firewall', {}, options);
  }

  disableFirewall(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.disableFirewall', id, 'disable_firewall', {}, options);
  }

  enableDeletionProtection(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.enableDeletionProtection', id, 'enable_deletion_protection', {}, options);
  }

  disableDeletionProtection(id: string, options: CallOptions = {}): Promise<void> {
    return this.action('machines.disableDeletionProtection', id, 'disable_deletion_protection', {}, options);
  }

  /** Deletes the machine (204); it goes to `deleted` asynchronously. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.machinePath('machines.delete', id),
      responseType: 'none',
      ...options,
    });
  }
}
