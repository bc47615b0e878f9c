import type { ProfileSectionSpec } from '@nimbus-sdk/core/cli';

/** The `smartdc` profile section: node-triton's profile fields and environment variables. */
export const smartdcProfileSpec: ProfileSectionSpec = {
  fields: {
    url: {
      description: 'CloudAPI URL',
      env: ['TRITON_URL', 'SDC_URL'],
      flag: 'url',
      required: true,
      role: 'endpoint',
    },
    account: {
      description: 'Account login',
      env: ['TRITON_ACCOUNT', 'SDC_ACCOUNT'],
      flag: 'account',
      required: true,
      role: 'credential',
    },
    keyId: {
      description: 'SSH key fingerprint (MD5 or SHA256)',
      env: ['TRITON_KEY_ID', 'SDC_KEY_ID'],
      flag: 'key-id',
      required: true,
      role: 'credential',
    },
    user: {
      description: 'RBAC sub-user login',
      env: ['TRITON_USER', 'SDC_USER'],
      flag: 'user',
      role: 'credential',
    },
    keyFile: {
      description: 'Private key file (default: found in ~/.ssh or the ssh-agent by fingerprint)',
      env: ['TRITON_KEY_FILE'],
      flag: 'key-file',
      role: 'credential',
    },
  },
  validate(section) {
    const problems: { path: string; message: string }[] = [];
    if (section.url !== undefined && !/^https?:\/\/[^/]/.test(section.url)) {
      problems.push({ path: 'url', message: 'must be an http(s) URL' });
    }
    if (section.account?.includes('/')) problems.push({ path: 'account', message: 'must not contain "/"' });
    return problems;
  },
};
