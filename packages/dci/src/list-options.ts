import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';

/** A `where` value; `null` means "IS NULL" (sent as an empty value). */
export type WhereValue = string | number | boolean | null;

/** Options of every DCI list. */
export interface ListOptions {
  /**
   * AND of equalities: `{ name: 'RHEL-8*', state: 'active' }` or the raw CSV `name:RHEL-8*,state:active`.
   * Strings compare case-insensitively; a trailing `*` means "contains"; array columns (tags) match
   * an element.
   */
  where?: Readonly<Record<string, WhereValue>> | string;
  /** Column names; a `-` prefix sorts descending. Default on the server: `-created_at`. */
  sort?: string | readonly string[];
  /** Accepted by the server and ignored (relations are always embedded); kept for dcictl parity. */
  embed?: string | readonly string[];
  /** The query DSL, e.g. `and(eq(name,foo),contains(tags,build:ga))`. Not together with `where`. */
  query?: string;
  /** Items per request, 1–200 (the server caps pages at 200). Default 100. */
  pageSize?: number;
  /** Rows the server skips before the first one returned (its `offset`). Default 0. */
  offset?: number;
  /** `created_at >=` this instant. */
  createdAfter?: Date | string;
  /** `updated_at >=` this instant. */
  updatedAfter?: Date | string;
}

/** The server's page-size cap. */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;

const whereKey = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_.]+$/, 'where field names use letters, digits, "_" and "."'),
);
const optionsSchema = lazySchema(() =>
  z
    .object({
      where: z
        .union([z.record(whereKey(), z.union([z.string(), z.number(), z.boolean(), z.null()])), z.string()])
        .optional(),
      sort: z
        .union([
          z.string(),
          z.array(
            z.string().regex(/^-?[A-Za-z0-9_.]+$/, 'sort keys are column names, optionally prefixed by "-"'),
          ),
        ])
        .optional(),
      embed: z.union([z.string(), z.array(z.string())]).optional(),
      query: z.string().optional(),
      pageSize: z
        .number()
        .int('pageSize must be a whole number')
        .min(1, 'pageSize must be at least 1')
        .optional(),
      offset: z.number().int('offset must be a whole number').min(0, 'offset must be at least 0').optional(),
      createdAfter: z.union([z.date(), z.string().min(1)]).optional(),
      updatedAfter: z.union([z.date(), z.string().min(1)]).optional(),
    })
    .strict()
    .refine((options) => !(options.where !== undefined && options.query !== undefined), {
      message: 'use either where or query, not both (the server would silently ignore query)',
    }),
);

/** Quotes a CSV field the way the server's CSV reader expects when it holds a comma or a quote. */
function csvField(text: string): string {
  return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Builds the `where` CSV from an object. */
export function whereToString(where: Readonly<Record<string, WhereValue>>): string {
  return Object.entries(where)
    .map(([field, v]) => csvField(`${field}:${v === null ? '' : String(v)}`))
    .join(',');
}

function csv(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : value.join(',');
  return text === '' ? undefined : text;
}

function instant(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString().replace('Z', '') : value;
}

/** The validated list options, split into the filter query (without paging) and the page size. */
export interface ListRequest {
  query: Record<string, string>;
  pageSize: number;
  /** Where paging starts. */
  offset: number;
}

/**
 * Validates `options` and turns them into query parameters. Blank values are never sent: the server
 * keeps them while signers drop them, which breaks signatures.
 */
export function toListRequest(options: ListOptions = {}): ListRequest {
  const parsed = parseInput(optionsSchema(), options, 'list options');
  const query: Record<string, string> = {};
  const where = typeof parsed.where === 'object' ? whereToString(parsed.where) : parsed.where;
  const entries: [string, string | undefined][] = [
    ['where', where === '' ? undefined : where],
    ['sort', csv(parsed.sort)],
    ['embed', csv(parsed.embed)],
    ['query', parsed.query === '' ? undefined : parsed.query],
    ['created_after', instant(parsed.createdAfter)],
    ['updated_after', instant(parsed.updatedAfter)],
  ];
  for (const [key, v] of entries) if (v !== undefined) query[key] = v;
  return {
    query,
    pageSize: Math.min(parsed.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    offset: parsed.offset ?? 0,
  };
}
