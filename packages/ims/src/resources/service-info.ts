import type { CallOptions, ImsContext } from '../context.js';

/** The IMS server's version and health endpoints. */
export class ServiceInfo {
  constructor(private readonly context: ImsContext) {}

  /** The server's version (`{"version": "3.33.0"}` on the wire). */
  async version(options: CallOptions = {}): Promise<string> {
    const { data } = await this.context.transport.send<{ version?: unknown } | string>({
      method: 'GET',
      path: '/version',
      signal: options.signal,
    });
    if (typeof data === 'string') return data;
    return typeof data?.version === 'string' ? data.version : String(data?.version ?? '');
  }

  /** True when `/healthz/ready` answers 200; an error answer throws as any call does. */
  async ready(options: CallOptions = {}): Promise<boolean> {
    await this.context.transport.send({ method: 'GET', path: '/healthz/ready', signal: options.signal });
    return true;
  }

  /** True when `/healthz/live` answers 200. */
  async live(options: CallOptions = {}): Promise<boolean> {
    await this.context.transport.send({ method: 'GET', path: '/healthz/live', signal: options.signal });
    return true;
  }
}
