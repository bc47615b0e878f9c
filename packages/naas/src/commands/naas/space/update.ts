import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';
import { parseEnvFlag } from '../../../cli/space-input.js';
import { spaceRow } from '../../../cli/space-view.js';

export default class SpaceUpdate extends NaasCommand<typeof SpaceUpdate> {
  static override summary = "Replace a space's container (image, cpu, memory, env, port) and domain";
  static override flags = {
    ...naasSettingsFlags,
    name: nameFlag('Space name'),
    domain: Flags.string({ char: 'd', description: 'Custom domain (unchanged when omitted)' }),
    cpu: Flags.string({ description: 'CPU, e.g. 1, 0.5 or 500m', required: true }),
    memory: Flags.string({ description: 'Memory, e.g. 1Gi or 512Mi', required: true }),
    env: Flags.string({ description: 'Environment as a JSON object', default: '{}' }),
    image: Flags.string({ description: 'Container image', required: true }),
    port: Flags.integer({ description: 'Container port', default: 5080 }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const { name, image, domain, env, cpu, memory, port } = this.flags;
    const environment = parseEnvFlag(env);
    const naas = await this.client();
    const space = await naas.spaces.update(name, {
      ...(domain ? { domain } : {}),
      containers: [{ name, image, env: environment, cpu, memory, port }],
    });
    if (this.jsonOutput) this.printResult(space);
    else this.printResult(spaceRow(space));
  }
}
