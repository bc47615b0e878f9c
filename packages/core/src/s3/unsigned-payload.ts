import type { PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';

type BodyCommand = PutObjectCommand | UploadPartCommand;
type BuildStep = (
  next: (args: { request: unknown }) => Promise<unknown>,
) => (args: { request: unknown }) => Promise<unknown>;

/**
 * Marks a body-carrying command `UNSIGNED-PAYLOAD`, as AWS's own tools do over TLS. Integrity
 * comes from the signed Content-MD5 header the server checks; hashing every byte a third time
 * with SHA-256 for the signature would only cost CPU the MD5s already spend.
 */
export function withUnsignedPayload<C extends BodyCommand>(command: C): C {
  const step: BuildStep = (next) => async (args) => {
    const request = args.request as { headers?: Record<string, string> };
    if (request.headers) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    return next(args);
  };
  // The stack's overloads are per command type; the step touches only headers, valid for both.
  (command.middlewareStack as unknown as { add(m: BuildStep, o: object): void }).add(step, {
    step: 'build',
    name: 'nimbusUnsignedPayload',
  });
  return command;
}
