import { ApiError } from '@nimbus-sdk/core';
import type { Machine } from '../types.js';

/**
 * The address `ip` prints and `ssh` connects to. A machine still provisioning has none yet: a
 * conflict with its state (exit 5) that says what to wait for.
 */
export function requirePrimaryIp(machine: Machine): string {
  if (machine.primaryIp) return machine.primaryIp;
  throw new ApiError(
    'CONFLICT',
    `machine ${machine.name} has no primary IP (it is ${machine.state}); wait until it runs: nimbus smartdc machine wait ${machine.name}`,
  );
}
