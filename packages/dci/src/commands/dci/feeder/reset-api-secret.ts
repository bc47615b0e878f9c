import { resetApiSecretCommand } from '../../../cli/reset-api-secret-command.js';

export default resetApiSecretCommand({ noun: 'feeder', resource: (dci) => dci.feeders });
