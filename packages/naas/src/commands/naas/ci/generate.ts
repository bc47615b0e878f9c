import * as Flags from '@oclif/core/flags';
import { writeGithubWorkflow } from '../../../ci/github-workflow.js';
import { NaasCommand } from '../../../cli/naas-command.js';

export default class CiGenerate extends NaasCommand<typeof CiGenerate> {
  static override summary = 'Write .github/workflows/ci-<space>.yaml: build, push and deploy a space on push';
  static override flags = {
    'space-name': Flags.string({ description: 'Space name', required: true }),
    'registry-name': Flags.string({ description: 'Registry name, default <space>-registry' }),
    'space-type': Flags.string({ description: 'docker builds and pushes an image', default: 'docker' }),
    'dockerfile-path': Flags.string({ description: 'Dockerfile', default: 'Dockerfile' }),
    'docker-context': Flags.string({ description: 'Docker build context', default: '.' }),
    'image-tag': Flags.string({ description: 'Tag of the pushed image', default: 'latest' }),
    'ci-type': Flags.string({
      description: 'CI system',
      default: 'github-actions',
      options: ['github-actions'],
    }),
    cpu: Flags.string({ description: 'CPU of the deployed container', default: '2' }),
    memory: Flags.string({ description: 'Memory of the deployed container', default: '2Gi' }),
    port: Flags.integer({ description: 'Container port', default: 5080 }),
    directory: Flags.string({ description: 'Repository root to write into', default: '.' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const path = await writeGithubWorkflow(
      {
        spaceName: f['space-name'],
        spaceType: f['space-type'],
        dockerfilePath: f['dockerfile-path'],
        dockerContext: f['docker-context'],
        imageTag: f['image-tag'],
        cpu: f.cpu,
        memory: f.memory,
        port: f.port,
        ...(f['registry-name'] ? { registryName: f['registry-name'] } : {}),
      },
      f.directory,
    );
    if (this.jsonOutput) this.printResult({ path });
    else this.log(`Wrote ${path} (add the repository secret NAAS_CREDENTIALS_JWT_TOKEN)`);
  }
}
