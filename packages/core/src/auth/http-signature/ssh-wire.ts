/** Reads the SSH wire encoding (RFC 4251): uint32, string, mpint. */
export class SshWireReader {
  #offset = 0;
  constructor(private readonly buffer: Buffer) {}

  uint32(): number {
    if (this.#offset + 4 > this.buffer.length) throw new RangeError('SSH message truncated');
    const value = this.buffer.readUInt32BE(this.#offset);
    this.#offset += 4;
    return value;
  }

  byte(): number {
    if (this.#offset + 1 > this.buffer.length) throw new RangeError('SSH message truncated');
    return this.buffer[this.#offset++] as number;
  }

  string(): Buffer {
    const length = this.uint32();
    if (this.#offset + length > this.buffer.length) throw new RangeError('SSH message truncated');
    const value = this.buffer.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return value;
  }
}

/** Encodes an SSH `string` (uint32 length + bytes). */
export function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Encodes an SSH `uint32`. */
export function sshUint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}
