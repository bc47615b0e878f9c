import { type PagedIterable, paginate } from '@nimbus-sdk/core';
import { type CallOptions, encodePathSegment, type ImsContext } from '../context.js';

/** A node registered to run IMS jobs outside Kubernetes, by its xname. */
export interface RemoteBuildNode {
  xname: string;
}

/** What IMS finds when it probes a remote build node over SSH. */
export interface RemoteBuildNodeStatus {
  xname: string;
  sshStatus: string;
  podmanStatus: string;
  nodeArch: string;
  /** -1 when unknown. */
  numCurrentJobs: number;
  ableToRunJobs: boolean;
}

/** `/v3/remote-build-nodes` (v3 only: the unversioned path is not routed). */
export class RemoteBuildNodes {
  constructor(private readonly context: ImsContext) {}

  private itemPath(xname: string): string {
    return `/v3/remote-build-nodes/${encodePathSegment(xname, 'xname')}`;
  }

  /** Every registered node. */
  list(options: CallOptions = {}): PagedIterable<RemoteBuildNode, never> {
    return paginate<RemoteBuildNode, never>(
      async (_cursor, signal) => {
        const { data } = await this.context.transport.send<RemoteBuildNode[]>({
          method: 'GET',
          path: '/v3/remote-build-nodes',
          signal,
        });
        return { items: Array.isArray(data) ? data : [], next: undefined };
      },
      { signal: options.signal },
    );
  }

  /** One node; `NotFoundError` when it is not registered. */
  async get(xname: string, options: CallOptions = {}): Promise<RemoteBuildNode> {
    const { data } = await this.context.transport.send<RemoteBuildNode>({
      method: 'GET',
      path: this.itemPath(xname),
      signal: options.signal,
    });
    return data;
  }

  /** Registers a node; registering it again overwrites, so the call is safe to retry. */
  async create(xname: string, options: CallOptions = {}): Promise<RemoteBuildNode> {
    encodePathSegment(xname, 'xname');
    const { data } = await this.context.transport.send<RemoteBuildNode>({
      method: 'POST',
      path: '/v3/remote-build-nodes',
      body: { json: { xname } },
      idempotent: true,
      signal: options.signal,
    });
    return data;
  }

  /** Unregisters a node. */
  async delete(xname: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.itemPath(xname),
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** The live status of every node. */
  async statuses(options: CallOptions = {}): Promise<RemoteBuildNodeStatus[]> {
    const { data } = await this.context.transport.send<RemoteBuildNodeStatus[]>({
      method: 'GET',
      path: '/v3/remote-build-nodes/status',
      signal: options.signal,
    });
    return data;
  }

  /** The live status of one node (one object, not the array the OpenAPI document promises). */
  async status(xname: string, options: CallOptions = {}): Promise<RemoteBuildNodeStatus> {
    const { data } = await this.context.transport.send<RemoteBuildNodeStatus>({
      method: 'GET',
      path: `/v3/remote-build-nodes/status/${encodePathSegment(xname, 'xname')}`,
      signal: options.signal,
    });
    return data;
  }
}
