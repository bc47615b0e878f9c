import { describe, expect, it } from 'vitest';
import { settingsVariables, shellLines, shellQuote } from '../src/cli/env-exports.js';
import { imageListFilters, machineListFilters, packageListFilters } from '../src/cli/list-filters.js';
import { age, machineFlags } from '../src/cli/machine-columns.js';
import { sshArgv, sshLogin } from '../src/cli/ssh-login.js';
import type { Machine } from '../src/index.js';
import { smartdcSettings } from '../src/settings.js';

describe('positional list filters', () => {
  it('turns k=v into ListMachines filters, tag.<k> into tags, with typed values', () => {
    expect(
      machineListFilters(['state=running', 'tag.role=db', 'memory=1024', 'docker=false', 'name=a=b']),
    ).toEqual({ state: 'running', tags: { role: 'db' }, memory: 1024, docker: false, name: 'a=b' });
  });

  it.each([
    [['running'], /key=value/],
    [['=x'], /key=value/],
    [['colour=red'], /"colour".*brand, docker, image, memory, name, state, type, tag\.<key>/],
    [['state=awake'], /state must be one of provisioning/],
    [['memory=1G'], /memory must be a whole number/],
    [['docker=yes'], /docker must be true or false/],
    [['tag.=x'], /name the tag/],
    [['tag.__proto__=x'], /__proto__/],
  ])('refuses %j', (args, message) => {
    expect(() => machineListFilters(args)).toThrow(message);
  });

  it('knows ListImages and ListPackages keys, and no tags there', () => {
    expect(imageListFilters(['os=linux', 'public=true'])).toEqual({ os: 'linux', public: true });
    expect(packageListFilters(['memory=512', 'group=Compute'])).toEqual({ memory: 512, group: 'Compute' });
    expect(() => imageListFilters(['tag.a=b'])).toThrow(/"tag\.a".*name, os/);
    expect(() => packageListFilters(['vcpus=two'])).toThrow(/whole number/);
  });
});

describe('derived machine columns', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['2026-12-01T11:59:15Z', '45s'],
    ['2026-12-01T11:48:00Z', '12m'],
    ['2026-12-01T09:00:00Z', '3h'],
    ['2026-11-26T12:00:00Z', '5d'],
    ['2026-11-17T12:00:00Z', '2w'],
    ['2025-11-01T12:00:00Z', '1y'],
    ['2026-12-01T12:00:30Z', '0s'],
  ])('age of %s is %s', (created, expected) => {
    expect(age(created, now)).toBe(expected);
  });

  it('flags firewall, deletion protection and hardware VMs', () => {
    const m = { firewall_enabled: true, deletion_protection: true, brand: 'bhyve' } as Machine;
    expect(machineFlags(m)).toBe('FPK');
    expect(machineFlags({ ...m, firewall_enabled: false, deletion_protection: false, brand: 'joyent' })).toBe(
      '',
    );
  });
});

describe('ssh login', () => {
  it("prefers -l, then the image's default_user, then root", () => {
    expect(sshLogin('admin', { tags: { default_user: 'ubuntu' } })).toBe('admin');
    expect(sshLogin(undefined, { tags: { default_user: 'ubuntu' } })).toBe('ubuntu');
    expect(sshLogin(undefined, { tags: {} })).toBe('root');
    expect(sshLogin(undefined, undefined)).toBe('root');
  });

  it('refuses a login ssh could read as an option, whoever wrote it', () => {
    expect(() => sshLogin(undefined, { tags: { default_user: '-oProxyCommand=touch /tmp/x' } })).toThrow(
      /default_user.*not a plain user name/,
    );
    expect(() => sshLogin('a b', undefined)).toThrow(/not a plain user name/);
  });

  it('puts the destination first and passes the rest verbatim', () => {
    expect(sshArgv('root', '10.0.0.1', ['-A', 'echo $HOME; id'])).toEqual([
      'root@10.0.0.1',
      '-A',
      'echo $HOME; id',
    ]);
  });
});

describe('env exports', () => {
  it('quotes only what the shell would read differently', () => {
    expect(shellQuote('https://cloudapi.example.com:8443/x')).toBe('https://cloudapi.example.com:8443/x');
    expect(shellQuote("o'brien")).toBe("'o'\\''brien'");
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellQuote('')).toBe("''");
  });

  it('lists TRITON_* then SDC_* for each setting, and never a secret field', () => {
    const vars = settingsVariables(
      { ...smartdcSettings, pass: { description: 'x', env: ['TRITON_PASS'], secret: true } },
      { url: 'u', account: 'a', keyId: 'k', pass: 'hunter2' },
    );
    expect(vars.map(([name]) => name)).toEqual([
      'TRITON_URL',
      'TRITON_ACCOUNT',
      'TRITON_KEY_ID',
      'TRITON_USER',
      'TRITON_KEY_FILE',
      'SDC_URL',
      'SDC_ACCOUNT',
      'SDC_KEY_ID',
      'SDC_USER',
    ]);
    const text = shellLines(vars, false);
    expect(text).toContain('export SDC_KEY_ID=k\n');
    expect(text).toContain('unset SDC_USER\n');
    expect(text).not.toContain('hunter2');
    expect(shellLines(vars, true)).not.toContain('export');
  });
});
