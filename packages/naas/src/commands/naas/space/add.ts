import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { addSpace, type SpaceAddStep } from '../../../space-add.js';

function describeStep(event: SpaceAddStep): string {
  switch (event.step) {
    case 'registry':
      return `${event.reused ? 'Using existing' : 'Created'} registry ${event.registry.name} (${event.registry.uri})`;
    case 'docker-login':
      return `Logged docker in to ${event.uri}`;
    case 'docker-build':
      return `Built ${event.image}`;
    case 'docker-push':
      return `Pushed ${event.image}`;
    case 'space':
      return `${event.reused ? 'Proceeding with existing' : 'Created'} space ${event.space.name}`;
    case 'ci':
      return `Wrote ${event.path}`;
  }
}

export default class SpaceAdd extends NaasCommand<typeof SpaceAdd> {
  static override summary =
    'Create a registry, build and push the image with docker, create the space and a CI workflow';
  static override flags = {
    ...naasSettingsFlags,
    'space-name': Flags.string({ description: 'Space name, e.g. my-app', required: true }),
    'space-type': Flags.string({
      description: 'docker builds and pushes an image; another type deploys --image',
      default: 'docker',
    }),
    'dockerfile-path': Flags.string({ description: 'Dockerfile', default: 'Dockerfile' }),
    'docker-context': Flags.string({ description: 'Docker build context', default: '.' }),
    'image-tag': Flags.string({ description: 'Tag of the pushed image', default: 'latest' }),
    'container-port': Flags.integer({ description: 'Container port', default: 5080 }),
    'generate-ci': Flags.boolean({
      description: 'Write .github/workflows/ci-<space>.yaml',
      default: true,
      allowNo: true,
    }),
    'skip-registry': Flags.boolean({ description: 'Use --image as is, without a Naas registry' }),
    'registry-name': Flags.string({ description: 'Registry name, default <space>-registry' }),
    'ci-type': Flags.string({
      description: 'CI system',
      default: 'github-actions',
      options: ['github-actions'],
    }),
    image: Flags.string({ char: 'i', description: 'Deploy this image instead of the one built' }),
    cpu: Flags.string({ char: 'c', description: 'CPU, e.g. 1, 0.5 or 500m', default: '2' }),
    memory: Flags.string({ char: 'm', description: 'Memory, e.g. 2Gi', default: '2Gi' }),
    directory: Flags.string({ description: 'Repository root the CI file goes under', default: '.' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const naas = await this.client();
    const quiet = this.jsonOutput;
    const result = await addSpace(
      naas,
      {
        spaceName: f['space-name'],
        spaceType: f['space-type'],
        dockerfilePath: f['dockerfile-path'],
        dockerContext: f['docker-context'],
        imageTag: f['image-tag'],
        containerPort: f['container-port'],
        generateCi: f['generate-ci'],
        ciDirectory: f.directory,
        skipRegistry: f['skip-registry'],
        ciType: f['ci-type'],
        cpu: f.cpu,
        memory: f.memory,
        ...(f['registry-name'] ? { registryName: f['registry-name'] } : {}),
        ...(f.image ? { image: f.image } : {}),
      },
      {
        docker: { onOutput: quiet ? undefined : (line) => process.stderr.write(`  ${line}\n`) },
        onStep: quiet ? undefined : (event) => process.stderr.write(`${describeStep(event)}\n`),
      },
    );
    this.printResult({
      space: result.space.name,
      image: result.image,
      registry: result.registry?.name,
      ciFile: result.ciPath,
    });
  }
}
