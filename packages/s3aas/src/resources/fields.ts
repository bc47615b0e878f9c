import { z } from 'zod';

/** A uuid in its 8-4-4-4-12 form. */
export const uuidField = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a uuid (8-4-4-4-12 hex)',
  );

/** Free text the server caps at 255 characters. */
export const descriptionField = z.string().max(255, 'must be at most 255 characters');

/** A 1..255 character name. */
export const nameField = z.string().min(1, 'cannot be empty').max(255, 'must be at most 255 characters');

/** An integer within `[min, max]`, saying so when it is not. */
export const intIn = (min: number, max: number) =>
  z
    .number()
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Refuses an update that would send an empty body. */
export const notEmpty = (value: Record<string, unknown>) => Object.values(value).some((v) => v !== undefined);
export const NOTHING_TO_UPDATE = { message: 'give at least one field to change' };
