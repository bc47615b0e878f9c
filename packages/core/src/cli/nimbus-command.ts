import type { Interfaces } from '@oclif/core';
import { Command } from '@oclif/core/command';
import * as Errors from '@oclif/core/errors';
import { assertSection } from '../config/check-section.js';
import { nimbusConfigDir } from '../config/config-dir.js';
import { isSecretField } from '../config/mask-section.js';
import { createProfileStore } from '../config/profile-store.js';
import type { ProfileSection } from '../config/profile-types.js';
import { resolveSection } from '../config/resolve-section.js';
import { ApiError, isApiError } from '../errors/api-error.js';
import { ConfigError, ValidationError } from '../errors/client-errors.js';
import { maskSecrets } from '../errors/redact.js';
import { AbortError } from '../errors/transport-errors.js';
import type { NimbusProviderPlugin } from '../provider/provider-plugin.js';
import type { Logger } from '../transport/types.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../waiters/wait-options.js';
import { type BaseFlags, nimbusBaseFlags, OUTPUT_FORMATS, type OutputFormat } from './base-flags.js';
import { unknownColumns, unknownColumnsError } from './columns.js';
import { createDebugLogger } from './debug-logger.js';
import { toDelimited } from './delimited-output.js';
import { errorJson, errorLine } from './error-report.js';
import { exitCodeFor } from './exit-codes.js';
import { listWindow, sliceWindow, takeWindow, type WindowedList } from './list-flags.js';
import { type ProgressBar, startProgressBar } from './progress-bar.js';
import { secretFlagValues } from './secret-flags.js';
import { protectSortValues } from './sort-argv.js';
import { readKey, sortItems } from './sort-items.js';
import { startSpinner } from './spinner.js';
import { type ColumnSpec, renderTable } from './table.js';

/** The exit code of a command stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
const INTERRUPTED = 130;

/** The parsed flags of a nimbus command class, base flags included. */
export type NimbusFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof NimbusCommand)['baseFlags'] & T['flags']
>;
/** The parsed arguments of a nimbus command class. */
export type NimbusArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/** What {@link NimbusCommand.waitWithSpinner} hands to the wait it runs. */
export interface WaitControl {
  /** Aborted on Ctrl-C; pass it to `waitFor`. */
  signal: AbortSignal;
  /** From `--wait-timeout` (default 10 minutes). */
  timeoutMs: number;
  /** Pass as `waitFor`'s `onProgress`; the spinner shows the last state. */
  onProgress: (progress: { attempt: number; state: unknown }) => void;
}

/**
 * Base of every nimbus command. Parses the base flags (`--json --format --profile --debug --columns
 * --sort --no-header`) into `this.flags`, prints results as tables or stable JSON, resolves provider
 * settings (flags > env > profile), and turns any error into one line (or `{"error": ...}` with
 * `--json`) and a documented exit code.
 *
 * @example
 * export default class JobList extends NimbusCommand<typeof JobList> {
 *   static flags = { ...profileFlags(dciPlugin.profile) };
 *   async run() {
 *     const settings = await this.resolveSettings(dciPlugin);
 *     this.printList(await listJobs(settings, this.logger), { columns: ['id', 'name', 'status'] });
 *   }
 * }
 */
export abstract class NimbusCommand<T extends typeof Command = typeof Command> extends Command {
  static override baseFlags: BaseFlags = nimbusBaseFlags;

  protected flags!: NimbusFlags<T>;
  protected args!: NimbusArgs<T>;
  /** Literal secret values this run has seen; masked out of every error and trace. */
  private readonly knownSecrets = new Set<string>();
  private debugLogger: Logger | undefined;
  /** The rows were already cut to the list window by `takeList`. */
  private windowTaken = false;
  /** The profile the settings were read from, for messages about it. */
  private settingsProfile: string | undefined;
  private readonly interruption = new AbortController();
  /** Set once the command took {@link interruptSignal}: only then can a call stop cleanly on Ctrl-C. */
  private interruptWatched = false;
  private readonly onInterrupt = (): void => {
    this.interruption.abort(new AbortError('Interrupted'));
    // A command that never took the signal has nothing that would stop on it: end now. Otherwise
    // whatever did not stop within a few seconds is cut off, with the same line and code.
    if (!this.interruptWatched) this.exitInterrupted();
    else setTimeout(() => this.exitInterrupted(), 5_000).unref();
  };

  override async init(): Promise<void> {
    if (this.handlesInterrupt) process.once('SIGINT', this.onInterrupt);
    await super.init();
    // Before parsing: a parse error echoes arguments, and must not echo a secret flag's value.
    for (const value of secretFlagValues(this.argv)) this.knownSecrets.add(value);
    this.argv = protectSortValues(this.argv);
    const { args, flags } = await this.parse({
      args: this.ctor.args,
      baseFlags: (this.ctor as typeof NimbusCommand).baseFlags,
      flags: this.ctor.flags,
      strict: this.ctor.strict,
    });
    this.flags = flags as NimbusFlags<T>;
    this.args = args as NimbusArgs<T>;
    if (typeof flags.sort === 'string') (flags as Record<string, unknown>).sort = flags.sort.trim();
    this.applyBaseFlagEnv(flags as Record<string, unknown>);
    this.assertOneFormat();
  }

  /**
   * Environment variables a provider accepts for base flags, besides their own (`DCI_FORMAT` for
   * `--format`, `TRITON_PROFILE` for `--profile`): read only when neither the flag nor the base
   * flag's own variable (`NIMBUS_PROFILE`) is set, so the nimbus names win. First set one wins.
   */
  protected get baseFlagEnv(): Readonly<Partial<Record<'format' | 'profile', readonly string[]>>> {
    return {};
  }

  private applyBaseFlagEnv(flags: Record<string, unknown>): void {
    for (const [flag, names] of Object.entries(this.baseFlagEnv)) {
      if (flags[flag] !== undefined || (flag === 'format' && flags.json)) continue;
      const name = names?.find((n) => process.env[n]);
      if (name === undefined) continue;
      const value = process.env[name] as string;
      if (flag === 'format' && !(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        throw new ValidationError(
          `${name}=${JSON.stringify(value)}: expected one of ${OUTPUT_FORMATS.join(', ')} (it sets --format)`,
          [{ path: name, message: 'not an output format' }],
        );
      }
      flags[flag] = value;
    }
  }

  /** `--json` is `--format json`: with another `--format` the command line contradicts itself. */
  private assertOneFormat(): void {
    const format = this.flags.format;
    if (this.flags.json && format !== undefined && format !== 'json') {
      throw new ValidationError(`--json and --format ${format} contradict each other: give one of them`, [
        { path: 'format', message: 'conflicts with --json' },
      ]);
    }
  }

  /** The output format: `--format`, `json` with `--json`, else `table`. */
  protected get outputFormat(): OutputFormat {
    if (this.flags?.json) return 'json';
    return (this.flags?.format as OutputFormat | undefined) ?? 'table';
  }

  /**
   * False for a command that handles SIGINT itself (a foreground server that stops its services
   * and exits 0): then the base neither aborts nor exits 130.
   */
  protected get handlesInterrupt(): boolean {
    return true;
  }

  /**
   * Aborted on Ctrl-C: pass it to SDK calls that should stop cleanly (a download removes its
   * `.part`, a wait returns); the command then exits 130.
   */
  protected get interruptSignal(): AbortSignal {
    this.interruptWatched = true;
    return this.interruption.signal;
  }

  override async finally(error: Error | undefined): Promise<unknown> {
    process.off('SIGINT', this.onInterrupt);
    if (this.interruption.signal.aborted && process.exitCode === undefined) process.exitCode = INTERRUPTED;
    return super.finally(error);
  }

  /** True when output must be JSON (`--json`, `--format json`), also before flags could be parsed. */
  protected get jsonOutput(): boolean {
    if (this.flags) return this.outputFormat === 'json';
    const end = this.argv.indexOf('--');
    const argv = end === -1 ? this.argv : this.argv.slice(0, end);
    return argv.some(
      (token, i) =>
        token === '--json' ||
        token === '-j' ||
        token === '--format=json' ||
        (token === '--format' && argv[i + 1] === 'json'),
    );
  }

  /** A transport logger when `--debug` is set, else `undefined`. Pass it to SDK clients. */
  protected get logger(): Logger | undefined {
    if (!this.flags?.debug) return undefined;
    this.debugLogger ??= createDebugLogger({ secrets: () => [...this.knownSecrets] });
    return this.debugLogger;
  }

  /** `--wait-timeout` in milliseconds for commands that spread `waitFlags`, else the default. */
  protected get waitTimeoutMs(): number {
    const value = (this.flags as Record<string, unknown> | undefined)?.['wait-timeout'];
    return typeof value === 'number' ? value : DEFAULT_WAIT_TIMEOUT_MS;
  }

  /**
   * Prints one resource: the object with `--json`, one row under a header with `--format csv|tsv`,
   * otherwise a two-column field/value table.
   */
  protected printResult(result: object, options: { columns?: readonly string[] } = {}): void {
    if (this.jsonOutput) {
      this.writeOut(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const record = result as Record<string, unknown>;
    const unknown = unknownColumns(this.requestedColumns(), [record], options.columns ?? []);
    // The call already happened (often a write): say the column is unknown, and still show the rest.
    if (unknown.length > 0)
      process.stderr.write(`Warning: ${unknownColumnsError(unknown, [record], []).message}\n`);
    const keys = this.requestedColumns() ?? options.columns ?? Object.keys(record);
    if (this.outputFormat === 'csv' || this.outputFormat === 'tsv') {
      this.writeDelimited([record], keys);
      return;
    }
    const rows = keys.map((key) => ({ field: key, value: readKey(record, key) }));
    this.writeOut(renderTable(rows, { columns: ['field', 'value'], header: false }));
  }

  /**
   * Prints a list, ordered by `--sort` first whatever the format: a JSON array of the items with
   * `--json`, CSV/TSV rows with `--format csv|tsv`, otherwise a table. Pass `sorted: true` when
   * the server already ordered the rows by `--sort`. A command with `listFlags` whose rows did not
   * come through {@link takeList} shows the `--offset`/`--limit` window of the sorted rows.
   */
  protected printList<I>(
    items: readonly I[],
    options: { columns: readonly (string | ColumnSpec<I>)[]; sorted?: boolean },
  ): void {
    let rows = options.sorted ? items : sortItems(items, this.flags?.sort, options.columns);
    if (!this.windowTaken && this.flags && 'all' in this.flags)
      rows = this.noteCut(sliceWindow(rows, this.window));
    if (this.jsonOutput) {
      this.writeOut(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    this.assertKnownColumns(rows, options.columns);
    if (this.outputFormat === 'csv' || this.outputFormat === 'tsv') {
      const columns = (this.requestedColumns() ?? options.columns).map((c) =>
        typeof c === 'string' ? (options.columns.find((d) => typeof d !== 'string' && d.key === c) ?? c) : c,
      );
      const records = rows.map((item) =>
        Object.fromEntries(
          columns.map((c) =>
            typeof c === 'string'
              ? [c, readKey(item, c)]
              : [c.key, c.get ? c.get(item) : readKey(item, c.key)],
          ),
        ),
      );
      this.writeDelimited(
        records,
        columns.map((c) => (typeof c === 'string' ? c : c.key)),
      );
      return;
    }
    this.writeOut(
      renderTable(rows, {
        columns: options.columns,
        only: this.requestedColumns(),
        header: !this.flags?.['no-header'],
      }),
    );
  }

  /**
   * The rows of a list command's window (`--limit`, `--all`, `--offset` of `listFlags`), read
   * lazily from `source`. Pass `offsetSent: true` when the request already carried `--offset` to
   * the server (otherwise rows are skipped here), and `sorted: true` when it carried `--sort`: a
   * `--sort` the server did not apply orders the whole list, so every row is read first. When the
   * default limit cut the list, stderr (never stdout) says so.
   */
  protected async takeList<I>(
    source: AsyncIterable<I> | Iterable<I>,
    options: { offsetSent?: boolean; sorted?: boolean } = {},
  ): Promise<I[]> {
    const window = this.window;
    const skip = options.offsetSent ? 0 : window.offset;
    this.windowTaken = true;
    const sort = this.flags?.sort;
    if (sort && !options.sorted) {
      const all: I[] = [];
      for await (const item of source) all.push(item);
      return this.noteCut(sliceWindow(sortItems(all, sort), { ...window, offset: skip }));
    }
    return this.noteCut(await takeWindow(source, window, skip));
  }

  private get window() {
    return listWindow((this.flags ?? {}) as { limit?: number; all?: boolean; offset?: number });
  }

  /** The rows; on stderr, when the default limit cut them, how to see the rest. */
  private noteCut<I>({ items, truncated }: WindowedList<I>): I[] {
    if (truncated && this.window.defaulted) {
      process.stderr.write(`Note: showing ${items.length} of more; use --all or --limit\n`);
    }
    return items;
  }

  private writeDelimited(records: readonly Record<string, unknown>[], columns: readonly string[]): void {
    const separator = this.outputFormat === 'csv' ? ',' : '\t';
    this.writeOut(toDelimited(records, columns, separator, !this.flags?.['no-header']));
  }

  /**
   * Runs an asynchronous wait with a spinner on a terminal (nothing when piped or with `--json`).
   * Ctrl-C aborts the wait through `control.signal`.
   */
  protected async waitWithSpinner<R>(label: string, wait: (control: WaitControl) => Promise<R>): Promise<R> {
    const spinner = this.jsonOutput ? startSpinner(label, { write() {}, isTTY: false }) : startSpinner(label);
    try {
      const result = await wait({
        signal: this.interruptSignal,
        timeoutMs: this.waitTimeoutMs,
        onProgress: ({ state }) => spinner.update(describeState(state)),
      });
      spinner.stop('done');
      return result;
    } catch (error) {
      spinner.stop(this.interruptSignal.aborted ? 'interrupted' : 'failed');
      throw error;
    }
  }

  /** A byte progress bar for uploads on a terminal; a silent one when piped or with `--json`. */
  protected progressBar(label: string, total?: number): ProgressBar {
    const stream = this.jsonOutput ? { write() {}, isTTY: false } : process.stderr;
    return startProgressBar({ label, total, stream });
  }

  /**
   * A provider's settings merged from flags > environment > the selected profile
   * (`--profile`, `NIMBUS_PROFILE`, else the active one), checked against its spec.
   * Throws a {@link ConfigError} (exit 2) naming every way to set what is missing.
   */
  protected async resolveSettings(
    plugin: NimbusProviderPlugin,
    flags: Readonly<Record<string, unknown>> = this.flags ?? {},
  ): Promise<ProfileSection> {
    const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
    const explicit = typeof flags.profile === 'string' && flags.profile !== '' ? flags.profile : undefined;
    const profileName = explicit ?? (await store.active());
    this.settingsProfile = profileName;
    const profile = profileName === undefined ? undefined : await store.get(profileName);
    if (explicit !== undefined && profile === undefined) {
      // Exit 4 like `nimbus profile show <missing>`: a profile is something that can be not found.
      throw new ApiError('NOT_FOUND', `No profile named "${explicit}" (see \`nimbus profile list\`)`);
    }
    const section = resolveSection({
      fields: plugin.profile.fields,
      flags,
      env: process.env,
      profile: profile?.[plugin.name],
      provider: plugin.name,
    });
    for (const [key, value] of Object.entries(section)) {
      if (isSecretField(plugin.profile.fields, key)) this.knownSecrets.add(value);
    }
    const where = profileName === undefined ? 'no profile selected' : `profile "${profileName}"`;
    assertSection(plugin.name, plugin.profile, section, where);
    return section;
  }

  /** Remembers a secret so that errors and traces of this run never show it. */
  protected registerSecret(value: string): void {
    if (value) this.knownSecrets.add(value);
  }

  /** The one line (or JSON error) that says Ctrl-C ended the command. */
  private reportInterrupted(): void {
    if (this.jsonOutput)
      this.writeOut(`${JSON.stringify({ error: { code: 'ABORTED', message: 'Interrupted' } })}\n`);
    else process.stderr.write('Interrupted\n');
  }

  private exitInterrupted(): never {
    this.reportInterrupted();
    return process.exit(INTERRUPTED);
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error;
    if (this.interruption.signal.aborted) {
      // Ctrl-C: whatever the interrupted call raised, the outcome is the interruption (exit 130).
      this.reportInterrupted();
      return this.exit(INTERRUPTED);
    }
    const secrets = [...this.knownSecrets];
    error = explainUnreachableSandbox(error, this.settingsProfile);
    if (this.jsonOutput) this.writeOut(`${JSON.stringify(errorJson(error, secrets), null, 2)}\n`);
    else process.stderr.write(`${errorLine(error, secrets)}\n`);
    if (this.flags?.debug && error.stack) process.stderr.write(`${maskSecrets(error.stack, secrets)}\n`);
    // An ExitError is the one error oclif exits on without printing it again.
    return this.exit(exitCodeFor(error));
  }

  /** Refuses (exit 2) `--columns` names that are neither a default column nor a field of the items. */
  protected assertKnownColumns<I>(items: readonly I[], defaults: readonly (string | ColumnSpec<I>)[]): void {
    const unknown = unknownColumns(this.requestedColumns(), items, defaults);
    if (unknown.length > 0) throw unknownColumnsError(unknown, items, defaults);
  }

  /** The columns `--columns` asks for, or `undefined` for the command's defaults. */
  protected requestedColumns(): string[] | undefined {
    const text = this.flags?.columns;
    if (!text) return undefined;
    const columns = text
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    return columns.length > 0 ? columns : undefined;
  }

  private writeOut(text: string): void {
    process.stdout.write(text);
  }
}

/**
 * A refused connection with the `sandbox` profile (written by `nimbus sandbox up`) means the
 * sandbox is not running: say that, and how to start it, rather than a bare ECONNREFUSED.
 */
function explainUnreachableSandbox<E extends Error>(error: E, profile: string | undefined): E {
  if (profile !== 'sandbox' || !isApiError(error) || error.code !== 'NETWORK') return error;
  error.message = `The sandbox is not running (start it with \`nimbus sandbox up --detach\`): ${error.message}`;
  return error;
}

function describeState(state: unknown): string {
  if (typeof state === 'string') return state;
  if (state && typeof state === 'object') {
    const record = state as Record<string, unknown>;
    const value = record.state ?? record.status;
    if (typeof value === 'string') return value;
  }
  return '';
}
