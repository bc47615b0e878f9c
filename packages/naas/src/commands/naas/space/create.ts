import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';
import { parseEnvFlag } from '../../../cli/space-input.js';
import { spaceRow } from '../../../cli/space-view.js';

export default class SpaceCreate extends NaasCommand<typeof SpaceCreate> {
  static override summary = 'Create a space running one container';
  static override flags = {
    ...naasSettingsFlags,
    name: nameFlag('Space name (letters/digits groups joined by hyphens, e.g. my-app)'),
    image: Flags.string({ description: 'Container image, e.g. nginx:1.27', required: true }),
    domain: Flags.string({ char: 'd', description: 'Custom domain', default: '' }),
    env: Flags.string({ description: 'Environment as a JSON object', default: '{}' }),
    cpu: Flags.string({ description: 'CPU, e.g. 1, 0.5 or 500m', default: '1' }),
    memory: Flags.string({ description: 'Memory, e.g. 1Gi or 512Mi', default: '1Gi' }),
    port: Flags.integer({ description: 'Container port', default: 5080 }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const { name, image, domain, env, cpu, memory, port } = this.flags;
    const environment = parseEnvFlag(env);
    const naas = await this.client();
    const space = await naas.spaces.create({
      name,
      domain,
      containers: [{ name, image, env: environment, cpu, memory, port }],
    });
    if (this.jsonOutput) this.printResult(space);
    else this.printResult(spaceRow(space));
  }
}
