import { ApiError } from '@nimbus-sdk/core/cli';
import { createProfileStore, nimbusConfigDir } from '@nimbus-sdk/core/provider';
import * as Flags from '@oclif/core/flags';
import { installedProviders } from '../../providers/installed-providers.js';
import { selectProviders } from '../../providers/select-providers.js';
import { startDetachedSandbox } from '../../sandbox/detached-sandbox.js';
import { handBackProfile } from '../../sandbox/hand-back-profile.js';
import { SandboxCommand } from '../../sandbox/sandbox-command.js';
import { SANDBOX_PROFILE } from '../../sandbox/sandbox-paths.js';
import {
  isProcessAlive,
  readSandboxState,
  removeSandboxState,
  type SandboxState,
  writeSandboxState,
} from '../../sandbox/sandbox-state.js';
import { sandboxSummary } from '../../sandbox/sandbox-summary.js';
import { type SandboxS3, startServices } from '../../sandbox/start-services.js';

export default class SandboxUp extends SandboxCommand<typeof SandboxUp> {
  static override summary = "Start every installed provider's emulator (and a local S3) on 127.0.0.1";
  static override description =
    'Writes a "sandbox" profile that points each provider at its emulator, prints what runs where and ' +
    'stays in the foreground until Ctrl-C (or SIGTERM), then stops everything. With --detach it runs in ' +
    'the background; stop it with `nimbus sandbox down`.';
  static override flags = {
    detach: Flags.boolean({ char: 'd', description: 'Run in the background and return once ready' }),
    provider: Flags.string({
      char: 'p',
      description: 'Start only this provider (repeatable; default: every installed provider)',
      multiple: true,
    }),
    s3: Flags.boolean({
      description:
        'Start a local Ceph RGW (default: when a started provider keeps data in S3 and radosgw is installed; --no-s3 to skip it)',
      allowNo: true,
    }),
  };
  static override examples = [
    '<%= config.bin %> sandbox up',
    '<%= config.bin %> sandbox up --detach --no-s3',
  ];

  // In the foreground, Ctrl-C is how a sandbox is stopped: it closes everything and exits 0.
  protected override get handlesInterrupt(): boolean {
    return false;
  }

  async run(): Promise<void> {
    const paths = this.paths;
    const existing = await readSandboxState(paths.stateFile);
    if (existing && isProcessAlive(existing.pid)) {
      throw new ApiError(
        'CONFLICT',
        `A sandbox is already running (pid ${existing.pid}); see \`nimbus sandbox status\` or stop it with \`nimbus sandbox down\``,
      );
    }
    if (this.flags.detach) {
      // Check the names here too, so a typo fails at once instead of in the background process.
      selectProviders(await installedProviders(this.config), this.flags.provider);
      const forward = [
        ...(this.flags.s3 === undefined ? [] : [this.flags.s3 ? '--s3' : '--no-s3']),
        ...(this.flags.provider ?? []).flatMap((name) => ['--provider', name]),
      ];
      const state = await startDetachedSandbox(this.binPath, forward, paths, 240_000);
      this.report(state);
      return;
    }
    await this.runInForeground();
  }

  private async runInForeground(): Promise<void> {
    const paths = this.paths;
    const providers = selectProviders(await installedProviders(this.config), this.flags.provider);
    // The testing kit is loaded only here: no other command pays for it at start-up.
    const { isRgwInstalled, startRgwLab } = await import('@nimbus-sdk/core/testing');
    const wantS3 = await this.wantS3(providers, isRgwInstalled);
    if (providers.length === 0 && !wantS3) {
      throw new ApiError(
        'CONFIG',
        'No provider plugins are installed, so there is nothing to run in the sandbox',
      );
    }
    const state: SandboxState = {
      pid: process.pid,
      status: 'starting',
      startedAt: new Date().toISOString(),
      profile: SANDBOX_PROFILE,
      services: [],
    };
    // Claim the state file first so that a second `up` started meanwhile refuses to run.
    await writeSandboxState(paths.stateFile, state);
    const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    let running: Awaited<ReturnType<typeof startServices>>;
    try {
      running = await startServices(
        providers,
        paths.runDir,
        async (): Promise<SandboxS3 | undefined> =>
          wantS3 ? startRgwLab({ stateDir: `${paths.runDir}/rgw` }) : undefined,
      );
      const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
      await store.put(SANDBOX_PROFILE, running.profile);
      // Out of the box the CLI should just work: the sandbox becomes active only when nothing else is.
      if ((await store.active()) === undefined) {
        await store.use(SANDBOX_PROFILE);
        state.activatedProfile = true;
      }
    } catch (error) {
      await removeSandboxState(paths.stateFile, process.pid);
      throw error;
    }
    const ready: SandboxState = { ...state, status: 'ready', services: running.services };
    await writeSandboxState(paths.stateFile, ready);
    this.report(ready);
    const signal = await stopRequested;
    process.stderr.write(`Received ${signal}: stopping the sandbox\n`);
    try {
      await running.close();
    } finally {
      await handBackProfile(ready);
      await removeSandboxState(paths.stateFile, process.pid);
    }
    process.stderr.write('Sandbox stopped\n');
  }

  /**
   * RGW takes seconds to start and a few hundred MiB: it runs when asked (`--s3`) or when a started
   * provider keeps data in S3, and never with `--no-s3`.
   */
  private async wantS3(
    providers: readonly { plugin: { name: string; needsS3?: boolean } }[],
    isRgwInstalled: () => Promise<boolean>,
  ): Promise<boolean> {
    if (this.flags.s3 === false) return false;
    const needed = providers.filter((p) => p.plugin.needsS3).map((p) => p.plugin.name);
    if (this.flags.s3 !== true && needed.length === 0) return false;
    if (await isRgwInstalled()) return true;
    if (this.flags.s3 === true) {
      throw new ApiError(
        'CONFIG',
        '--s3 needs radosgw: install it with `bash scripts/install-system-deps.sh` (Debian: apt-get install radosgw ceph-mon ceph-osd)',
      );
    }
    process.stderr.write(
      `Warning: ${needed.join(', ')} keep data in S3 but radosgw is not installed; their data plane will not work\n`,
    );
    return false;
  }

  private report(state: SandboxState): void {
    if (this.jsonOutput) this.printResult(state);
    else process.stdout.write(sandboxSummary(state));
  }
}
