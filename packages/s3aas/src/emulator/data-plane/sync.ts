import { setTimeout as sleep } from 'node:timers/promises';
import { type RgwAdmin, type RgwKeys, randomKeys } from './rgw-admin.js';

/** A policy as the data plane applies it: named by the policy uuid. */
export interface AppliedPolicy {
  uuid: string;
  content: unknown;
}

/**
 * The emulator's data plane: what the platform's agents do to RustFS, done to a real RGW, after a
 * sync delay and in order. Buckets belong to one RGW user per instance; each access key becomes
 * its own RGW user (that may not create buckets) carrying its CP user's policies as inline user
 * policies named by policy uuid, as on the real platform.
 */
export class DataPlaneSync {
  #chain: Promise<void> = Promise.resolve();
  readonly #owners = new Map<string, RgwKeys>();
  readonly #applied = new Map<string, Set<string>>();
  readonly #buckets = new Map<string, string>();
  /** Failures of data-plane operations (they do not fail the control-plane call, as on the platform). */
  readonly errors: string[] = [];

  constructor(
    private readonly rgw: RgwAdmin | undefined,
    public syncDelayMs: number,
  ) {}

  /** True when a real RGW is behind the emulator. */
  get enabled(): boolean {
    return this.rgw !== undefined;
  }

  bucketCreated(instance: string, bucket: { name: string; versioning: boolean; public: boolean }): void {
    this.schedule(`create bucket ${bucket.name}`, async (rgw) => {
      const owner = await this.owner(rgw, instance);
      await rgw.createBucket(owner, bucket.name, bucket.versioning);
      this.#buckets.set(bucket.name, instance);
      if (bucket.public) await rgw.setBucketPublic(owner, bucket.name, true);
    });
  }

  bucketPublicChanged(instance: string, name: string, isPublic: boolean): void {
    this.schedule(`update bucket ${name}`, async (rgw) =>
      rgw.setBucketPublic(await this.owner(rgw, instance), name, isPublic),
    );
  }

  bucketDeleted(name: string): void {
    this.schedule(`delete bucket ${name}`, async (rgw) => {
      await rgw.deleteBucket(name);
      this.#buckets.delete(name);
    });
  }

  keyCreated(accessKey: string, secretKey: string, policies: AppliedPolicy[]): void {
    this.schedule(`create key ${accessKey}`, async (rgw) => {
      await rgw.createUser(keyUid(accessKey), { accessKeyId: accessKey, secretAccessKey: secretKey }, -1);
      this.#applied.set(accessKey, new Set());
      await this.applyPolicies(rgw, accessKey, policies);
    });
  }

  keyDeleted(accessKey: string): void {
    this.schedule(`delete key ${accessKey}`, async (rgw) => {
      await rgw.deleteUser(keyUid(accessKey));
      this.#applied.delete(accessKey);
    });
  }

  /** The user's keys now carry exactly `policies`. */
  policiesChanged(accessKeys: readonly string[], policies: AppliedPolicy[]): void {
    for (const accessKey of accessKeys) {
      this.schedule(`sync policies of ${accessKey}`, (rgw) => this.applyPolicies(rgw, accessKey, policies));
    }
  }

  instanceDeleted(instance: string): void {
    this.schedule(`delete instance ${instance}`, async (rgw) => {
      if (this.#owners.has(instance)) await rgw.deleteUser(ownerUid(instance));
      this.#owners.delete(instance);
    });
  }

  /** Resolves once every scheduled operation has run. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.#chain) {
      seen = this.#chain;
      await seen;
    }
  }

  /** Removes everything this data plane created on RGW, at once. */
  async purge(): Promise<void> {
    await this.idle();
    const rgw = this.rgw;
    if (!rgw) return;
    const work: Array<() => Promise<void>> = [
      ...[...this.#buckets.keys()].map((name) => () => rgw.deleteBucket(name)),
      ...[...this.#applied.keys()].map((key) => () => rgw.deleteUser(keyUid(key))),
      ...[...this.#owners.keys()].map((instance) => () => rgw.deleteUser(ownerUid(instance))),
    ];
    for (const step of work)
      await step().catch((error: Error) => this.errors.push(`purge: ${error.message}`));
    this.#buckets.clear();
    this.#applied.clear();
    this.#owners.clear();
  }

  private schedule(what: string, operation: (rgw: RgwAdmin) => Promise<void>): void {
    const rgw = this.rgw;
    if (!rgw) return;
    const due = Date.now() + this.syncDelayMs;
    this.#chain = this.#chain.then(async () => {
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      await operation(rgw).catch((error: Error) => {
        this.errors.push(`${what}: ${error.message}`);
      });
    });
  }

  private async owner(rgw: RgwAdmin, instance: string): Promise<RgwKeys> {
    let keys = this.#owners.get(instance);
    if (!keys) {
      keys = randomKeys();
      await rgw.createUser(ownerUid(instance), keys);
      this.#owners.set(instance, keys);
    }
    return keys;
  }

  private async applyPolicies(rgw: RgwAdmin, accessKey: string, policies: AppliedPolicy[]): Promise<void> {
    const applied = this.#applied.get(accessKey);
    if (!applied) return;
    const wanted = new Set(policies.map((policy) => policy.uuid));
    for (const name of applied) {
      if (!wanted.has(name)) await rgw.deleteUserPolicy(keyUid(accessKey), name);
    }
    for (const policy of policies) await rgw.putUserPolicy(keyUid(accessKey), policy.uuid, policy.content);
    this.#applied.set(accessKey, wanted);
  }
}

function keyUid(accessKey: string): string {
  return `s3aas-key-${accessKey.toLowerCase()}`;
}

function ownerUid(instance: string): string {
  return `s3aas-instance-${instance}`;
}
