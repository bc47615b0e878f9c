import { z } from 'zod';

/** `active` and `inactive` rows are visible; `archived` is DCI's soft delete. */
export type DciState = 'active' | 'inactive' | 'archived';

/** Fields every top-level DCI row has. Timestamps are naive UTC ISO strings (`2019-10-28T00:11:35.988480`). */
export interface DciRecord {
  id: string;
  created_at: string;
  updated_at?: string;
  /** 32-hex version tag; changes on every update. */
  etag?: string;
  state?: DciState;
}

/** A DCI id: any 8-4-4-4-12 hex UUID (upstream fixtures include non-RFC versions). */
export const dciId = z.guid('must be a UUID like 464cc0a3-d638-4081-a69e-4c80261f3ba5');

export const stateSchema = z.enum(['active', 'inactive']);
/** A free-form JSON object (`data`, `configuration`). */
export const jsonObject = z.record(z.string(), z.unknown());
