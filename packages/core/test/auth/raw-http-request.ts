/** A request parsed from the AWS test suite's `.req` text. */
export interface RawHttpRequest {
  method: string;
  path: string;
  query: string;
  /** Header pairs in order; folded continuation lines become extra values of the same header. */
  headers: [string, string][];
  body: string;
}

/**
 * Parses an AWS `.req` file: the request line may hold a literal space in the path, headers are
 * `Name:value`, obs-fold lines continue the previous header.
 */
export function parseRawHttpRequest(text: string): RawHttpRequest {
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? '' : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1).replace(/ HTTP\/1\.1$/, '');
  const mark = target.indexOf('?');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const previous = headers.at(-1);
    if (/^[ \t]/.test(line) && previous) {
      headers.push([previous[0], line.trim()]);
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return {
    method,
    path: mark === -1 ? target : target.slice(0, mark),
    query: mark === -1 ? '' : target.slice(mark + 1),
    headers,
    body,
  };
}
