import { isJsonObject } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { OBJECT_MESSAGE } from '../schema-messages.js';

/** Field schemas shared by the emulator's request bodies (the server's JSON schemas). */
export const uuid = z.guid();
export const rowState = z.enum(['active', 'inactive', 'archived']);
// Kept as received (a null-prototype object): copying it key by key would turn `__proto__` into a prototype.
export const object = z.custom<Record<string, unknown>>(isJsonObject, { message: OBJECT_MESSAGE });
export const strings = z.array(z.string());
