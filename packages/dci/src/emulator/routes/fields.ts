import { z } from 'zod';

/** Field schemas shared by the emulator's request bodies (the server's JSON schemas). */
export const uuid = z.guid('is not a valid uuid');
export const state = z.enum(['active', 'inactive', 'archived']);
export const object = z.record(z.string(), z.unknown());
export const strings = z.array(z.string());
