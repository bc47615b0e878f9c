import type { FirewallRuleRecord, ImageRecord, NetworkRecord, PackageRecord } from './records.js';

/** The operator account that owns public images. */
export const ADMIN_UUID = '930896af-bf8c-48d4-885c-6573a94b1853';

/** Public images, several versions of one name so URN/name resolution has a newest to find. */
export function seedImages(): (ImageRecord & { urn: string })[] {
  const image = (id: string, name: string, version: string, os: string, type: string, published: string) => ({
    id,
    name,
    version,
    os,
    type,
    requirements: {},
    description: `${name} ${version}`,
    published_at: published,
    owner: ADMIN_UUID,
    public: true,
    state: 'active' as const,
    urn: `sdc:sdc:${name}:${version}`,
  });
  const ubuntu = image(
    '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b',
    'ubuntu-16.04',
    '20170403',
    'linux',
    'zvol',
    '2017-04-03T00:00:00Z',
  );
  return [
    image(
      '2b683a82-a066-11e3-97ab-2faa44701c5a',
      'base64',
      '13.4.0',
      'smartos',
      'zone-dataset',
      '2014-03-01T00:00:00Z',
    ),
    image(
      'd34c301e-10c3-11e4-9b79-5f67ca448df0',
      'base64',
      '14.2.0',
      'smartos',
      'zone-dataset',
      '2014-07-22T00:00:00Z',
    ),
    image(
      '0edd8e41-1ad1-4ce0-9d11-2c0d4bf3c0f9',
      'base64',
      '14.10.0',
      'smartos',
      'zone-dataset',
      '2014-11-01T00:00:00Z',
    ),
    // Triton's Ubuntu images name their login in tags.default_user, which `triton ssh` uses.
    { ...ubuntu, tags: { default_user: 'ubuntu' } },
  ];
}

/**
 * Packages; `g4-highcpu-512M` carries the legacy `default: true`. Only bhyve packages say
 * `flexible_disk` (and `brand`), as CloudAPI includes those keys only for them.
 */
export function seedPackages(): (PackageRecord & { brand?: string })[] {
  const pkg = (
    id: string,
    name: string,
    memory: number,
    disk: number,
    vcpus: number,
    isDefault: boolean,
  ): PackageRecord => ({
    id,
    name,
    memory,
    disk,
    swap: memory * 2,
    lwps: 4000,
    vcpus,
    version: '1.0.0',
    group: 'Compute',
    description: `${memory} MiB RAM`,
    default: isDefault,
  });
  return [
    pkg('a3f1b2c4-0000-4000-8000-000000000256', 'g4-highcpu-256M', 256, 10240, 1, false),
    pkg('a3f1b2c4-0000-4000-8000-000000000512', 'g4-highcpu-512M', 512, 20480, 1, true),
    pkg('a3f1b2c4-0000-4000-8000-000000001024', 'g4-highcpu-1G', 1024, 30720, 1, false),
    {
      ...pkg('a3f1b2c4-0000-4000-8000-000000002048', 'bhyve-flexible-2G', 2048, 51200, 2, false),
      brand: 'bhyve',
      flexible_disk: true,
    },
  ];
}

/** One public and one private network, as a fresh Triton account sees. */
export function seedNetworks(): NetworkRecord[] {
  return [
    { id: '9ec60129-9034-47b4-b111-3026f9b1a10f', name: 'Joyent-SDC-Public', public: true, fabric: false },
    { id: '5983940e-58a5-4543-b732-c689b1fe4c08', name: 'Joyent-SDC-Private', public: false, fabric: false },
  ];
}

/** A global rule every account sees. */
export function seedFirewallRules(): FirewallRuleRecord[] {
  return [
    {
      id: '38de17c4-39e8-48c7-a168-0f58083de860',
      enabled: true,
      rule: 'FROM any TO all vms ALLOW icmp TYPE 8 CODE 0',
      global: true,
      description: 'allow pings to all VMs',
    },
  ];
}
