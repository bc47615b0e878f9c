import type { PagedIterable } from '@nimbus-sdk/core';
import { ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import type { ListOptions } from '../list-options.js';
import dciProvider from '../provider.js';

/** Flags of every `nimbus dci` command: dcictl's credential flags (`--format` is a base flag). */
export const dciFlags = profileFlags(dciProvider.profile, 'DCI');

/** The list flags a DCI list reads: core's `--limit --all --offset`, and `--where`/`--query`. */
export interface DciListFlags {
  where?: string;
  query?: string;
  sort?: string;
  limit?: number;
  all?: boolean;
  offset?: number;
}

/** Base of the `nimbus dci` commands: `client()` from flags > env (dcirc.sh) > profile. */
export abstract class DciCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof dciProvider,
  T
> {
  protected readonly provider = dciProvider;

  /**
   * The rows of a DCI list within `--limit`/`--all`/`--offset`: the server filters, sorts
   * (`--sort` as its `sort=`) and skips (`offset=`), and paging stops one row past the window.
   */
  protected async listRows<I>(
    list: (options: ListOptions) => PagedIterable<I, number>,
    flags: DciListFlags,
  ): Promise<I[]> {
    // One row past the window tells whether the default limit cut the list.
    const pageSize = flags.all ? 200 : Math.min((flags.limit ?? 100) + 1, 200);
    return this.takeList(
      list({ where: flags.where, query: flags.query, sort: flags.sort, offset: flags.offset, pageSize }),
      { offsetSent: true, sorted: true },
    );
  }

  /** Prints rows as a table, JSON, CSV or TSV; `sorted` when the server already applied `--sort`. */
  protected output(
    items: readonly object[],
    columns: readonly string[],
    options: { sorted?: boolean } = {},
  ): void {
    this.printList(items, { columns, sorted: options.sorted });
  }

  /** Prints one resource as a field table (every field), JSON, or a one-row CSV/TSV of `columns`. */
  protected outputOne(item: object, columns: readonly string[]): void {
    this.printResult(item, this.outputFormat === 'table' ? {} : { columns });
  }
}
