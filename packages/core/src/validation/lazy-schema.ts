/**
 * A schema (or shape) built on first use and kept. Every `nimbus dci` command imports the whole
 * client, so schemas built at import time cost each command the create/update/upload validation
 * of every resource it never touches (~15 ms of zod work per run, measured on the client import).
 *
 * @example
 * const createSchema = lazySchema(() => z.object({ name: z.string() }).strict());
 * parseInput(createSchema(), input, "topic create input");
 */
export function lazySchema<S>(build: () => S): () => S {
  let built: S | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
