import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares two secrets without leaking where they differ (hashing first equalises lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
