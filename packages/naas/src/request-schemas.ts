import { z } from 'zod';

/**
 * Space and registry names: alphanumeric groups joined by single hyphens, at least one hyphen,
 * 1–63 characters (naas-models `Space.name`: `my-app` is valid, `myapp` is not).
 */
export const spaceNameSchema = z
  .string('name is required')
  .max(63, 'name must be at most 63 characters')
  .regex(
    /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/,
    'name must be letters/digits groups joined by single hyphens, with at least one hyphen (e.g. my-app)',
  );

/** Registries share the space name rule (naas-models `Registry.name`). */
export const registryNameSchema = spaceNameSchema;

/** cpu as the server wants it: a string such as `1`, `0.5` or `500m` (never a JSON number). */
export const cpuSchema = z
  .string('cpu must be a string such as "1", "0.5" or "500m"')
  .regex(/^\d+(\.\d+)?m?$/, 'cpu must look like 1, 0.5 or 500m');

/** memory as the server wants it: digits and `Ki`, `Mi` or `Gi` (`512Mi`, `2Gi`). */
export const memorySchema = z
  .string('memory must be a string such as "1Gi" or "512Mi"')
  .regex(/^\d+(Ki|Mi|Gi)$/, 'memory must look like 512Mi or 2Gi');

/** An image reference `repo[:tag][@digest]`; no spaces or shell characters. */
export const imageSchema = z
  .string('image is required')
  .min(1, 'image cannot be empty')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/, 'image must be a reference like registry/repo:tag');

export const portSchema = z
  .number('port must be a number')
  .int('port must be a whole number')
  .min(0, 'port must be 0–65535')
  .max(65535, 'port must be 0–65535');

export const envSchema = z.record(z.string(), z.string('env values must be strings'));

/** One container of a space (naas-models `Container`). */
export const containerSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[A-Za-z0-9-]+$/, 'container name must be letters, digits and hyphens'),
  image: imageSchema,
  env: envSchema.optional(),
  port: portSchema,
  cpu: cpuSchema,
  memory: memorySchema,
});

/** A plain name used in a path or body (secrets, storages): non-empty. */
export const nameSchema = (what: string) => z.string(`${what} is required`).min(1, `${what} cannot be empty`);
