import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ApiError, isApiError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { requirePrimaryIp } from '../../../cli/primary-ip.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';
import { sshArgv, sshLogin } from '../../../cli/ssh-login.js';
import type { Image } from '../../../types.js';

export default class MachineSsh extends SmartdcCommand<typeof MachineSsh> {
  static override summary = 'SSH to a machine (runs the system ssh)';
  static override description =
    "Connects to the machine's primary IP as -l LOGIN, else the image's default_user tag, else root. Arguments after -- go to ssh as they are; ssh's exit code is this command's.";
  static override aliases = ['smartdc:instance:ssh'];
  static override examples = [
    '<%= config.bin %> smartdc instance ssh web01',
    '<%= config.bin %> smartdc machine ssh db01 -l admin -- -A uptime',
  ];
  static override strict = false;
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    sshArgs: Args.string({ description: 'arguments for ssh (after --)' }),
  };
  static override flags = {
    ...smartdcFlags,
    login: Flags.string({
      char: 'l',
      description: 'Log in as this user (default: the image default_user, else root)',
    }),
  };

  // The terminal's Ctrl-C belongs to the remote session: ssh gets it, and this process waits for ssh.
  protected override get handlesInterrupt(): boolean {
    return false;
  }

  async run(): Promise<void> {
    const { argv } = await this.parse(MachineSsh);
    const rest = (argv as string[]).slice(1);
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    const ip = requirePrimaryIp(machine);
    const image =
      this.flags.login === undefined ? await imageOrNone(client.images.get(machine.image)) : undefined;
    const code = await runSsh(sshArgv(sshLogin(this.flags.login, image), ip, rest));
    if (code !== 0) this.exit(code);
  }
}

/** A deleted or private image names no default user: log in as root, as triton does. */
async function imageOrNone(image: Promise<Image>): Promise<Image | undefined> {
  try {
    return await image;
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

function runSsh(argv: string[]): Promise<number> {
  const ignoreInterrupt = (): void => {};
  process.on('SIGINT', ignoreInterrupt);
  return new Promise<number>((resolve, reject) => {
    const child = spawn('ssh', argv, { stdio: 'inherit' });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new ApiError('CONFIG', 'ssh was not found on PATH; install an OpenSSH client')
          : error,
      ),
    );
    // Killed by a signal: the shell's convention, 128 + its number.
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  }).finally(() => process.off('SIGINT', ignoreInterrupt));
}
