/** What core's ApiError needs from a Naas error body. */
export interface NaasErrorFields {
  message?: string;
  serviceCode?: string;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const code = (value: unknown): string | undefined =>
  typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : undefined;

/** FastAPI 422: `{"detail":[{"loc":["body","name"],"msg":"..."}]}` → `body.name: ...`. */
function fastApiDetail(detail: unknown): string | undefined {
  if (!Array.isArray(detail)) return undefined;
  const parts = detail.map((entry) => {
    if (!entry || typeof entry !== 'object') return String(entry);
    const { loc, msg } = entry as { loc?: unknown; msg?: unknown };
    const where = Array.isArray(loc) ? loc.map(String).join('.') : undefined;
    return where ? `${where}: ${String(msg ?? 'invalid')}` : String(msg ?? 'invalid');
  });
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Reads every error body shape the Naas services send (spec §1.4–§7):
 * - space / asset: `{"message"}` (space also `{code, status, reason, message}`);
 * - registry: `{"error": <int>, "error_message"}`;
 * - auth and FastAPI: `{"detail": "..."}` or `{"detail": [{loc, msg}]}`;
 * - secret: `{"error": {"error": <int>, "message"}}`;
 * - storage: `{"error": {"error" | "code": <int>, "message"}}` (the key changed in models 1.11.6);
 * - later asset models: `{"code", "message", "context"}`.
 * A non-object body (HTML from a proxy, plain text) yields its trimmed text, never a crash.
 */
export function parseNaasErrorBody(body: unknown): NaasErrorFields {
  if (typeof body === 'string') {
    const text = body.trim();
    return text ? { message: text.slice(0, 500) } : {};
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const nested =
    record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined;
  const message =
    str(record.error_message) ??
    str(record.message) ??
    str(nested?.message) ??
    str(record.detail) ??
    fastApiDetail(record.detail) ??
    str(record.reason) ??
    str(record.error);
  const serviceCode = code(nested?.code) ?? code(nested?.error) ?? code(record.code) ?? code(record.error);
  const out: NaasErrorFields = {};
  if (message !== undefined) out.message = message;
  if (serviceCode !== undefined) out.serviceCode = serviceCode;
  return out;
}

/**
 * Storage answers some failures with HTTP 200 and an `error` object (spec §6.1); a non-zero code
 * there is a failure. Returns it, or `undefined` for a success body (`error` absent or code 0).
 */
export function embeddedStorageError(body: unknown): { code: number; message: string } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return undefined;
  const record = error as Record<string, unknown>;
  const raw = record.code ?? record.error;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : 0;
  if (!Number.isFinite(value) || value === 0) return undefined;
  return { code: value, message: str(record.message) ?? `storage error ${value}` };
}
