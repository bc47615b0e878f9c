import { ProfileCommand } from '../../profiles/profile-command.js';

export default class ProfileList extends ProfileCommand<typeof ProfileList> {
  static override summary = 'List profiles';
  static override examples = ['<%= config.bin %> profile list', '<%= config.bin %> profile list --json'];

  async run(): Promise<void> {
    const profiles = await this.store().list();
    this.printList(profiles, {
      columns: [
        { key: 'active', header: ' ', get: (p) => (p.active ? '*' : '') },
        'name',
        { key: 'providers', header: 'PROVIDERS', get: (p) => p.providers.join(',') },
      ],
    });
  }
}
