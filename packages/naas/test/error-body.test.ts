import { describe, expect, it } from 'vitest';
import { parseNaasErrorBody } from '../src/index.js';
import { rejection, useNaasEmulator } from './fixture.js';

describe('parseNaasErrorBody reads every error shape of spec §1.4–§7', () => {
  it.each([
    ['space {message}', { code: 1, status: 409, reason: 'ALREADY_EXISTS', message: 'exists' }, 'exists', '1'],
    ['registry {error, error_message}', { error: 1, error_message: 'no registry' }, 'no registry', '1'],
    ['auth {detail}', { detail: 'Invalid token' }, 'Invalid token', undefined],
    [
      'FastAPI detail list',
      { detail: [{ loc: ['body', 'name'], msg: 'bad name', type: 'value_error' }] },
      'body.name: bad name',
      undefined,
    ],
    ['secret {error: {error, message}}', { error: { error: 1, message: 'dup secret' } }, 'dup secret', '1'],
    ['storage {error: {code, message}}', { error: { code: 2, message: 'no storage' } }, 'no storage', '2'],
    [
      'later asset {code, message, context}',
      { code: 801, message: 'asset missing', context: {} },
      'asset missing',
      '801',
    ],
  ])('%s', (_name, body, message, serviceCode) => {
    const parsed = parseNaasErrorBody(body);
    expect(parsed.message).toBe(message);
    expect(parsed.serviceCode).toBe(serviceCode);
  });

  it('reads plain text and ignores shapes it does not know', () => {
    expect(parseNaasErrorBody('  <html>oops</html> ').message).toBe('<html>oops</html>');
    expect(parseNaasErrorBody([1, 2])).toEqual({});
    expect(parseNaasErrorBody(null)).toEqual({});
  });
});

describe('error answers over HTTP become typed core errors', () => {
  const naas = useNaasEmulator();

  it('401 {"detail"} says to log in again, without the token', async () => {
    const error = await rejection(naas.client({ token: 'not-a-known-token' }).spaces.list().toArray());
    expect(error).toMatchObject({ code: 'AUTHENTICATION', status: 401 });
    expect(error.message).toContain('Invalid token');
    expect(error.message).toContain('nimbus naas login');
    expect(JSON.stringify(error)).not.toContain('not-a-known-token');
  });

  it('a 422 FastAPI body names the field', async () => {
    naas.emulator.faults.failNext(1, 422, { detail: [{ loc: ['body', 'containers'], msg: 'too few' }] });
    const error = await rejection(naas.client().registries.create('ok-name'));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 422 });
    expect(error.message).toContain('body.containers: too few');
  });

  it('a non-JSON 500 is a ServerError carrying the text, not a crash', async () => {
    naas.emulator.faults.failNext(4, 500, 'Internal Server Error (upstream)');
    const error = await rejection(naas.client().spaces.get('my-app'));
    expect(error).toMatchObject({ code: 'SERVER', status: 500 });
    expect(error.message).toContain('Internal Server Error (upstream)');
  });

  it('a dropped connection (fault injection) is retried on a GET', async () => {
    naas.emulator.faults.resetNext(1);
    expect(await naas.client().spaces.list().toArray()).toEqual([]);
    naas.emulator.faults.resetNext(3);
    const error = await rejection(naas.client().spaces.list().toArray());
    expect(error.code).toBe('NETWORK');
  });

  it('a 429 with Retry-After is retried', async () => {
    naas.emulator.faults.rateLimitNext(1, 0);
    expect(await naas.client().registries.list().toArray()).toEqual([]);
  });
});
