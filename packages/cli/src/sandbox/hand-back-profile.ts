import { createProfileStore, nimbusConfigDir } from '@nimbus-sdk/core/provider';
import type { SandboxState } from './sandbox-state.js';

/**
 * Gives back the active-profile choice a sandbox took: when it activated its profile and that is
 * still the active one, no profile is active again (one chosen since is left alone).
 */
export async function handBackProfile(
  state: Pick<SandboxState, 'profile' | 'activatedProfile'>,
): Promise<void> {
  if (!state.activatedProfile) return;
  const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
  await store.handBack(state.profile, undefined);
}
