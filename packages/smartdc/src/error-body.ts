/** Reads CloudAPI's restify error envelope `{ code, message }`. */
export function parseCloudApiError(body: unknown): { message?: string; serviceCode?: string } {
  if (!body || typeof body !== 'object') return {};
  const { code, message } = body as { code?: unknown; message?: unknown };
  return {
    ...(typeof message === 'string' && message !== '' ? { message } : {}),
    ...(typeof code === 'string' ? { serviceCode: code } : {}),
  };
}
