/** Reads CloudAPI's restify error envelope `{ code, message }`. */
export function parseCloudApiError(body: unknown): { message?: string; serviceCode?: string } {
  if (!body || typeof body !== 'object') return {};
  const { code, message } = body as { code?: unknown; message?: unknown };
  let text = typeof message === 'string' && message !== '' ? message : undefined;
  // CloudAPI's skew answer does not say whose clock is off; the usual culprit is the client's.
  if (text && code === 'InvalidHeader' && /clock skew/i.test(text)) {
    text = `${text} (this computer's clock differs from CloudAPI's by more than 300 s: sync it, e.g. with NTP)`;
  }
  return {
    ...(text === undefined ? {} : { message: text }),
    ...(typeof code === 'string' ? { serviceCode: code } : {}),
  };
}
