import { z } from 'zod';
import { object, rowState, uuid } from './fields.js';

const remoteciCreate = z
  .object({
    name: z.string().min(1),
    team_id: uuid,
    data: object.optional(),
    public: z.boolean().optional(),
    state: rowState.optional(),
  })
  .strict();
const feederCreate = remoteciCreate.omit({ public: true }).strict();

/** The create and update body schemas of remotecis and feeders. */
export function agentSchemas(table: 'remotecis' | 'feeders') {
  const create = table === 'remotecis' ? remoteciCreate : feederCreate;
  return { create, update: create.partial().strict() };
}
