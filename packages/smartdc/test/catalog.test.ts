import { createTransport, httpSignature } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { cloudApiKeyId, createSmartdcClient, type SmartdcClient } from '../src/index.js';
import { rawRequest } from './support/raw-request.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('account, keys, catalogue, datacenters and firewall rules', () => {
  let west: SmartdcEmulator;
  let east: SmartdcEmulator;
  let triton: SmartdcClient;
  let key: TestKey;
  let dir: { path: string; remove: () => Promise<void> };

  beforeAll(async () => {
    dir = await tempDir('smartdc-catalog-');
    key = await generateKey(dir.path, 'id_rsa', 'rsa');
    east = await startSmartdcEmulator({
      seed: { login: 'jill', datacenterName: 'us-east-1', keys: [key.publicKey] },
    });
    west = await startSmartdcEmulator({
      seed: {
        login: 'jill',
        datacenterName: 'us-west-1',
        keys: [key.publicKey],
        datacenters: { 'us-east-1': east.url },
      },
    });
    triton = createSmartdcClient({ url: west.url, account: 'jill', keyId: key.md5, key: key.privateKeyFile });
  });
  afterAll(async () => {
    await west?.close();
    await east?.close();
    await dir?.remove();
  });

  it('reads and updates the account', async () => {
    expect(await triton.account.get()).toMatchObject({ login: 'jill', email: 'jill@example.com' });
    expect(await triton.account.update({ companyName: 'Acme' })).toMatchObject({ companyName: 'Acme' });
    expect(await triton.account.get()).not.toHaveProperty('approved_for_provisioning');
  });

  it('adds, finds and deletes keys by name or fingerprint', async () => {
    const other = await generateKey(dir.path, 'second', 'ecdsa');
    const added = await triton.keys.add(other.publicKey, { name: 'second' });
    expect(added).toMatchObject({ name: 'second', fingerprint: other.md5 });
    expect((await triton.keys.get(other.md5)).name).toBe('second');
    await expect(triton.keys.add(other.publicKey)).rejects.toMatchObject({
      status: 409,
      details: { code: 'InvalidArgument', message: 'key already exists or is invalid' },
    });
    await triton.keys.delete('second');
    await expect(triton.keys.get('second')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('resolves images by UUID, name@version, legacy URN and URN prefix (newest wins)', async () => {
    const all = await triton.images.list();
    expect(all.map((i) => `${i.name}@${i.version}`)).toContain('base64@14.10.0');
    expect((await triton.images.resolve('sdc:sdc:base64:')).version).toBe('14.10.0');
    expect((await triton.images.resolve('sdc:sdc:base64')).version).toBe('14.10.0');
    expect((await triton.images.resolve('sdc:sdc:base64:14.2.0')).version).toBe('14.2.0');
    expect((await triton.images.resolve('base64@13.4.0')).version).toBe('13.4.0');
    const byId = all[0];
    expect(byId && (await triton.images.resolve(byId.id)).id).toBe(byId?.id);
    expect(byId && (await triton.images.resolve(byId.id.slice(0, 8))).id).toBe(byId?.id);
    await expect(triton.images.resolve('sdc:sdc:nothing:')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await triton.images.list({ os: 'linux' })).map((i) => i.name)).toEqual(['ubuntu-16.04']);
  });

  it('serves the legacy /datasets view only to API < 8, resolving URN prefixes to the newest', async () => {
    // The SDK resolves URNs over /images; /datasets is what 7.x clients such as py-smartdc call.
    const datasets = (acceptVersion: string) =>
      createTransport({
        baseUrl: west.url,
        auth: httpSignature({ keyId: cloudApiKeyId('jill', key.md5), keyFile: key.privateKeyFile }),
        headers: { 'accept-version': acceptVersion },
        retry: false,
      });
    const newest = await datasets('~7.2').send<{ urn: string; version: string }>({
      method: 'GET',
      path: `/jill/datasets/${encodeURIComponent('sdc:sdc:base64:')}`,
    });
    expect(newest.data).toMatchObject({ urn: 'sdc:sdc:base64:14.10.0', version: '14.10.0' });
    const exact = await datasets('~7.2').send<{ version: string }>({
      method: 'GET',
      path: '/jill/datasets/base64',
    });
    expect(exact.data.version).toBe('14.10.0');
    await expect(datasets('~9').send({ method: 'GET', path: '/jill/datasets' })).rejects.toMatchObject({
      status: 404,
    });
    const unsigned = await rawRequest(west.url, 'GET', '/jill/datasets', { 'accept-version': '~7.2' });
    expect(unsigned.status).toBe(401);
  });

  it('lists packages with filters and finds the default package as a boolean', async () => {
    expect((await triton.packages.list({ memory: 512 })).map((p) => p.name)).toEqual(['g4-highcpu-512M']);
    expect((await triton.packages.list({ name: 'g4-*' })).length).toBe(3);
    expect((await triton.packages.getDefault()).name).toBe('g4-highcpu-512M');
    expect((await triton.packages.get('g4-highcpu-1G')).memory).toBe(1024);
    await expect(triton.packages.get('nope')).rejects.toMatchObject({ status: 404 });
  });

  it('lists networks and services', async () => {
    expect((await triton.networks.list()).map((n) => n.public)).toEqual([true, false]);
    const [first] = await triton.networks.list();
    expect(first && (await triton.networks.get(first.id)).name).toBe(first?.name);
    expect(await triton.services.list()).toEqual({ cloudapi: west.url });
  });

  it('switches datacenter with the same credentials', async () => {
    expect(await triton.datacenters.list()).toEqual({ 'us-west-1': west.url, 'us-east-1': east.url });
    const inEast = await triton.inDatacenter('us-east-1');
    expect(inEast.url).toBe(east.url);
    const before = east.requestCount;
    expect((await inEast.account.get()).login).toBe('jill');
    expect(east.requestCount).toBe(before + 1);
    await expect(triton.inDatacenter('eu-ams-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('manages firewall rules and rejects rules outside the grammar locally', async () => {
    const before = west.requestCount;
    await expect(triton.firewallRules.create({ rule: 'let everyone in' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(west.requestCount).toBe(before);
    const rule = await triton.firewallRules.create({ rule: 'FROM any TO tag "role=web" ALLOW tcp PORT 443' });
    expect(rule.enabled).toBe(false);
    expect((await triton.firewallRules.enable(rule.id)).enabled).toBe(true);
    expect((await triton.firewallRules.update(rule.id, { description: 'https' })).description).toBe('https');
    expect((await triton.firewallRules.list()).map((r) => r.id)).toContain(rule.id);
    expect(await triton.firewallRules.machines(rule.id)).toEqual([]);
    await triton.firewallRules.delete(rule.id);
    await expect(triton.firewallRules.get(rule.id)).rejects.toMatchObject({ status: 404 });
  });
});
