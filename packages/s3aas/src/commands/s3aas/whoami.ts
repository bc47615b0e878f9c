import { S3aasCommand, s3aasFlags } from '../../cli/s3aas-command.js';

export default class Whoami extends S3aasCommand<typeof Whoami> {
  static override summary = 'Show who the token belongs to (IAM introspect)';
  static override flags = s3aasFlags;
  async run(): Promise<void> {
    const me = await (await this.client()).whoami();
    if (this.jsonOutput) {
      this.printResult(me);
      return;
    }
    this.printResult({
      user: me.user_info.name,
      uuid: me.user_info.uuid,
      email: me.user_info.email,
      project_id: me.project_id ?? '',
      permissions: me.permissions.length,
    });
  }
}
