import { resetApiSecretCommand } from '../../../cli/reset-api-secret-command.js';

export default resetApiSecretCommand({ noun: 'remoteci', resource: (dci) => dci.remotecis });
