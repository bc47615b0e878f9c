import { SshWireReader } from './ssh-wire.js';

/**
 * Converts an SSH ECDSA signature body (`mpint r, mpint s`) to the ASN.1 DER
 * `SEQUENCE { INTEGER r, INTEGER s }` that HTTP Signature verifiers expect.
 */
export function sshEcdsaToDer(body: Buffer): Buffer {
  const reader = new SshWireReader(body);
  const r = derInteger(reader.string());
  const s = derInteger(reader.string());
  return Buffer.concat([Buffer.from([0x30]), derLength(r.length + s.length), r, s]);
}

// mpints are two's complement like DER INTEGERs, but we re-minimise in case an agent pads them.
function derInteger(mpint: Buffer): Buffer {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0 && ((mpint[start + 1] as number) & 0x80) === 0)
    start++;
  let value = mpint.subarray(start);
  if (value.length === 0) value = Buffer.from([0]);
  if (((value[0] as number) & 0x80) !== 0) value = Buffer.concat([Buffer.from([0]), value]);
  return Buffer.concat([Buffer.from([0x02]), derLength(value.length), value]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
