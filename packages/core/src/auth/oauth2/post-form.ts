import { request as httpsRequest } from 'node:https';

/** The minimal fetch signature the token client needs (global fetch satisfies it). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** A POSTed form's answer. */
export interface FormResponse {
  status: number;
  body: string;
}

/**
 * POSTs a urlencoded form. With `ca`, goes through node:https trusting exactly that CA (global fetch
 * cannot take a CA without an undici dispatcher); otherwise through `fetch`.
 */
export async function postForm(
  url: URL,
  form: URLSearchParams,
  headers: Record<string, string>,
  options: { ca?: string | Buffer; fetch?: FetchLike; signal?: AbortSignal },
): Promise<FormResponse> {
  const allHeaders = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    ...headers,
  };
  if (options.ca === undefined) {
    const fetchFn = options.fetch ?? (globalThis.fetch as FetchLike);
    const response = await fetchFn(url.toString(), {
      method: 'POST',
      headers: allHeaders,
      body: form.toString(),
      signal: options.signal,
    });
    return { status: response.status, body: await response.text() };
  }
  const ca = options.ca;
  return new Promise((resolve, reject) => {
    const body = Buffer.from(form.toString(), 'utf8');
    const request = httpsRequest(
      url,
      {
        method: 'POST',
        ca,
        headers: { ...allHeaders, 'content-length': String(body.length) },
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
