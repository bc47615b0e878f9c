import { renderTable } from '@nimbus-sdk/core/cli';
import type { SandboxState } from './sandbox-state.js';

/** The human summary of a running sandbox: what runs where, and how to use it. */
export function sandboxSummary(state: SandboxState): string {
  const table = renderTable(state.services, { columns: ['name', 'url', 'title'] });
  const identities = state.services.flatMap((service) =>
    Object.entries(service.credentials ?? {}).map(([what, value]) => `  ${service.name} ${what}: ${value}`),
  );
  return [
    `Sandbox running (pid ${state.pid}), profile "${state.profile}":`,
    table.trimEnd(),
    ...(identities.length > 0 ? ['Sandbox-only credentials:', ...identities] : []),
    `Use it with: nimbus <provider> ... --profile ${state.profile}   (or: nimbus profile use ${state.profile})`,
    '',
  ].join('\n');
}
