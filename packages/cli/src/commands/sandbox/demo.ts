import { ApiError } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { type InstalledProvider, installedProviders } from '../../providers/installed-providers.js';
import { selectProviders } from '../../providers/select-providers.js';
import { type CliRun, runCli, withProfile } from '../../sandbox/run-cli.js';
import { SandboxCommand } from '../../sandbox/sandbox-command.js';
import { isProcessAlive, readSandboxState, type SandboxState } from '../../sandbox/sandbox-state.js';

/** One demo step as run. */
interface DemoResult {
  provider: string;
  title: string;
  argv: string[];
  exitCode: number;
  output: string;
}

export default class SandboxDemo extends SandboxCommand<typeof SandboxDemo> {
  static override summary = "Run each installed provider's demo steps against the sandbox";
  static override description =
    'Each step is a real `nimbus` invocation with --profile sandbox. When no sandbox runs, one is started ' +
    'in the background for the demo and stopped afterwards.';

  static override flags = {
    provider: Flags.string({
      char: 'p',
      description: 'Demo only this provider (repeatable; default: every installed provider)',
      multiple: true,
    }),
    s3: Flags.boolean({
      description:
        'Start a local Ceph RGW with a sandbox started for the demo (default: when a provider needs S3; --no-s3 to skip it)',
      allowNo: true,
    }),
  };

  async run(): Promise<void> {
    const providers = selectProviders(await installedProviders(this.config), this.flags.provider);
    let state = await this.runningSandbox();
    const startedHere = state === undefined;
    if (state === undefined) {
      this.say('No sandbox running: starting one for the demo');
      const forward = [
        ...(this.flags.s3 === undefined ? [] : [this.flags.s3 ? '--s3' : '--no-s3']),
        ...(this.flags.provider ?? []).flatMap((name) => ['--provider', name]),
      ];
      const up = await runCli(this.binPath, ['sandbox', 'up', '--detach', '--json', ...forward], process.env);
      if (up.exitCode !== 0) throw new Error(`sandbox up failed: ${failureReason(up)}`);
      state = await this.runningSandbox();
      if (state === undefined) throw new Error('sandbox up reported success but no sandbox runs');
    }
    try {
      const results = await this.runSteps(state, providers);
      if (this.jsonOutput) this.printList(results, { columns: [] });
      const failed = results.filter((r) => r.exitCode !== 0);
      if (failed.length > 0) {
        throw new ApiError(
          'HTTP',
          `${failed.length} of ${results.length} demo steps failed: ${failed.map((f) => f.title).join(', ')}`,
        );
      }
      this.say(`All ${results.length} demo steps succeeded`);
    } finally {
      if (startedHere) {
        const down = await runCli(this.binPath, ['sandbox', 'down'], process.env);
        this.say(
          down.exitCode === 0 ? 'Stopped the demo sandbox' : `sandbox down failed: ${lastLine(down.stderr)}`,
        );
      }
    }
  }

  private async runSteps(
    state: SandboxState,
    providers: readonly InstalledProvider[],
  ): Promise<DemoResult[]> {
    const results: DemoResult[] = [];
    for (const { plugin } of providers) {
      const service = state.services.find((s) => s.name === plugin.name);
      if (!service) continue;
      this.say(`\n== ${plugin.title} (${service.url})`);
      for (const step of plugin.demo) {
        const argv = withProfile(step.argv, state.profile);
        const run: CliRun = await runCli(this.binPath, argv, { ...process.env, ...service.env });
        const output = (run.exitCode === 0 ? run.stdout : run.stderr || run.stdout).trimEnd();
        results.push({
          provider: plugin.name,
          title: step.title,
          argv: [...argv],
          exitCode: run.exitCode,
          output,
        });
        this.say(`\n-> ${step.title}\n$ nimbus ${argv.join(' ')}`);
        if (output) this.say(indent(output));
        this.say(run.exitCode === 0 ? '   ok' : `   failed (exit ${run.exitCode})`);
      }
    }
    return results;
  }

  private async runningSandbox(): Promise<SandboxState | undefined> {
    const state = await readSandboxState(this.paths.stateFile);
    return state && state.status === 'ready' && isProcessAlive(state.pid) ? state : undefined;
  }

  /** Progress for humans: stdout normally, stderr with --json so stdout stays one JSON document. */
  private say(line: string): void {
    (this.jsonOutput ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}

/** The message of a failed `--json` run (its `{"error"}` on stdout), else its last stderr line. */
function failureReason(run: CliRun): string {
  try {
    const parsed = JSON.parse(run.stdout) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not JSON: the process died before the command could answer.
  }
  return lastLine(run.stderr || run.stdout);
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
