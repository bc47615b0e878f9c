import { ConflictError, isApiError } from '@nimbus-sdk/core';

/**
 * CloudAPI's 409 `CannotDestroyMachineError` for a machine with deletion protection, re-said with
 * what to run: the server's own text does not say how to turn the protection off.
 */
export function explainDeletionRefusal(error: unknown, machine: { name: string }): unknown {
  if (!isApiError(error) || error.code !== 'CONFLICT') return error;
  const details = error.details as { code?: unknown } | undefined;
  if (details?.code !== 'CannotDestroyMachineError') return error;
  return new ConflictError(
    `machine ${machine.name} has deletion protection on, so CloudAPI kept it; to delete it, first run: nimbus smartdc machine disable-deletion-protection ${machine.name}`,
    { status: error.status ?? 409, requestId: error.requestId, details: error.details, cause: error },
  );
}
