import { basename } from 'node:path';
import { ValidationError } from '@nimbus-sdk/core';

/**
 * Cleans a user path into a key part as naas-python does (spec §6.4): `"` removed, runs of `/`
 * collapsed, and (ours) leading `/` and `.`/`..` segments refused, so a key never leaves the storage.
 */
export function cleanKeyPath(path: string, what: string): string {
  const cleaned = path
    .replaceAll('"', '')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+/, '');
  if (cleaned === '' || cleaned.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new ValidationError(
      `${what} ${JSON.stringify(path)} must be an object path without '.' or '..' segments`,
      [{ path: what, message: 'not an object path' }],
    );
  }
  return cleaned;
}

/**
 * Where an upload lands inside the storage: a destination ending in `/` gets the source's base name
 * appended, `.` (or empty) means the source's base name at the top.
 */
export function uploadKeyPath(source: string, destination: string): string {
  const name = basename(source);
  if (destination === '.' || destination === '' || destination === './')
    return cleanKeyPath(name, 'destination');
  if (destination.endsWith('/')) return cleanKeyPath(`${destination}${name}`, 'destination');
  return cleanKeyPath(destination, 'destination');
}

/** The local file a download writes: a directory-like destination gets the object's base name. */
export function downloadTargetPath(source: string, destination: string): string {
  const name = basename(source);
  if (destination === '.' || destination === '') return name;
  if (destination.endsWith('/')) return `${destination}${name}`;
  return destination;
}

/** Splits an object path into the `prefix` and `object` query values of delete-object. */
export function splitObjectPath(path: string): { prefix: string; object: string } {
  const cleaned = cleanKeyPath(path, 'object');
  const slash = cleaned.replace(/\/$/, '').lastIndexOf('/');
  if (slash < 0) return { prefix: '', object: cleaned };
  return { prefix: cleaned.slice(0, slash), object: cleaned.slice(slash + 1) };
}
