import type { DataPlaneSync } from './data-plane/sync.js';
import { childPathOf, lastId } from './relationships.js';
import type { RestContext } from './rest-routes.js';
import type { Row } from './state.js';

/** How long an instance spends in each state before the next. */
export interface InstanceDelays {
  /** NEW → IN_PROGRESS. Default 200 ms. */
  provisioningMs?: number;
  /** IN_PROGRESS → ACTIVE. Default 800 ms. */
  activationMs?: number;
}

/** What the resource routes share: the REST context plus the data plane and the state machine timing. */
export interface EmulatorServices extends RestContext {
  dataPlane: DataPlaneSync;
  delays: Required<InstanceDelays>;
  /** The data-plane address instances report (`ipsv4`). */
  nodeAddress: string;
}

/** Policies attached to a user, as the data plane applies them. */
export function policiesOfUser(
  services: EmulatorServices,
  user: Row,
): Array<{ uuid: string; content: unknown }> {
  const { rows } = services.state;
  const out: Array<{ uuid: string; content: unknown }> = [];
  for (const attachment of rows.attachments.values()) {
    if (attachment.user !== childPathOf(lastId(user.instance), 'users', user.uuid)) continue;
    const policy = rows.policies.get(lastId(attachment.policy));
    if (policy) out.push({ uuid: policy.uuid, content: policy.content });
  }
  return out;
}

/** Access keys of a user. */
export function keysOfUser(services: EmulatorServices, user: Row): Row[] {
  const path = childPathOf(lastId(user.instance), 'users', user.uuid);
  return [...services.state.rows.keys.values()].filter((key) => key.user === path);
}

/** Pushes a user's current policies to every key of it. */
export function resyncUser(services: EmulatorServices, user: Row | undefined): void {
  if (!user) return;
  services.dataPlane.policiesChanged(
    keysOfUser(services, user).map((key) => key.access_key as string),
    policiesOfUser(services, user),
  );
}

/** Deletes a user's keys (and their data-plane users) and attachments. */
export function dropUserChildren(services: EmulatorServices, user: Row): void {
  const { rows } = services.state;
  for (const key of keysOfUser(services, user)) {
    rows.keys.delete(key.uuid);
    services.state.keySecrets.delete(key.uuid);
    services.dataPlane.keyDeleted(key.access_key as string);
  }
  const path = childPathOf(lastId(user.instance), 'users', user.uuid);
  for (const attachment of [...rows.attachments.values()])
    if (attachment.user === path) rows.attachments.delete(attachment.uuid);
}
