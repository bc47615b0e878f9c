import { ProviderCommand, profileFlags, toDelimited } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import * as Flags from '@oclif/core/flags';
import dciProvider from '../provider.js';

/** Flags of every `nimbus dci` command: dcictl's credential flags and `--format`. */
export const dciFlags = {
  ...profileFlags(dciProvider.profile, 'DCI'),
  format: Flags.string({
    description: 'Output format; --json is the same as --format json',
    options: ['table', 'json', 'csv', 'tsv'],
    env: 'DCI_FORMAT',
    default: 'table',
  }),
};

/** Base of the `nimbus dci` commands: `client()` from flags > env (dcirc.sh) > profile, and dcictl's formats. */
export abstract class DciCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof dciProvider,
  T
> {
  protected readonly provider = dciProvider;

  private format(): string {
    const flags = this.flags as { format?: string } | undefined;
    return flags?.format ?? 'table';
  }

  protected override get jsonOutput(): boolean {
    return super.jsonOutput || this.format() === 'json';
  }

  /** Prints rows as a table, JSON, CSV or TSV. */
  protected output(items: readonly object[], columns: readonly string[]): void {
    const format = this.format();
    if (!this.jsonOutput && (format === 'csv' || format === 'tsv')) {
      const flags = this.flags as { 'no-header'?: boolean };
      const rows = items as readonly Record<string, unknown>[];
      const separator = format === 'csv' ? ',' : '\t';
      process.stdout.write(
        toDelimited(rows, this.requestedColumns() ?? columns, separator, !flags['no-header']),
      );
      return;
    }
    this.printList(items, { columns });
  }

  /** Prints one resource as a field table, JSON, or a one-row CSV/TSV. */
  protected outputOne(item: object, columns: readonly string[]): void {
    const format = this.format();
    if (!this.jsonOutput && (format === 'csv' || format === 'tsv')) {
      this.output([item], columns);
      return;
    }
    this.printResult(item);
  }
}
