/** The parts of an IMS error body core's ApiError carries. */
export interface ImsErrorBody {
  message?: string;
  serviceCode?: string;
}

/**
 * IMS answers errors as RFC 7807 problem+json (`{status, title, detail, errors?}`); a 422 adds the
 * marshmallow field map in `errors`, so the field names go into the message where a user sees them.
 */
export function parseImsErrorBody(body: unknown): ImsErrorBody {
  if (!body || typeof body !== 'object') return {};
  const problem = body as { title?: unknown; detail?: unknown; errors?: unknown };
  const title = typeof problem.title === 'string' ? problem.title : undefined;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const fields = describeFieldErrors(problem.errors);
  const text = [detail ?? title, fields].filter((part) => part).join(' ');
  return { message: text || undefined, serviceCode: title };
}

function describeFieldErrors(errors: unknown): string | undefined {
  if (Array.isArray(errors)) {
    const lines = errors.filter((entry): entry is string => typeof entry === 'string');
    return lines.length > 0 ? `(${lines.join('; ')})` : undefined;
  }
  if (errors && typeof errors === 'object') {
    const parts = Object.entries(errors as Record<string, unknown>).map(
      ([field, problems]) =>
        `${field}: ${Array.isArray(problems) ? problems.join(', ') : JSON.stringify(problems)}`,
    );
    return parts.length > 0 ? `(${parts.join('; ')})` : undefined;
  }
  return undefined;
}
