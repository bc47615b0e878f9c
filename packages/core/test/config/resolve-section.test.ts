import { describe, expect, it } from 'vitest';
import { checkSection, explainSection, MASK, maskSection, resolveSection } from '../../src/provider/index.js';
import type { ProfileSectionSpec } from '../../src/provider/provider-plugin.js';

const spec: ProfileSectionSpec = {
  fields: {
    url: { description: 'URL', env: ['DCI_CS_URL', 'DCI_URL'], flag: 'dci-cs-url', required: true },
    'client-id': { description: 'id', env: ['DCI_CLIENT_ID'], flag: 'dci-client-id' },
    'api-secret': { description: 'secret', env: ['DCI_API_SECRET'], secret: true },
    region: { description: 'region' },
  },
  validate: (section) =>
    section['client-id'] && !section['api-secret']
      ? [{ path: 'api-secret', message: 'needed with client-id' }]
      : [],
};

describe('resolveSection', () => {
  const profile = { url: 'https://profile', 'client-id': 'p-id', region: 'eu' };

  it('applies flags > environment > profile per field', () => {
    const section = resolveSection({
      fields: spec.fields,
      flags: { 'dci-cs-url': 'https://flag' },
      env: { DCI_CS_URL: 'https://env', DCI_CLIENT_ID: 'env-id' },
      profile,
    });
    expect(section).toEqual({ url: 'https://flag', 'client-id': 'env-id', region: 'eu' });
  });

  it('takes the first environment variable that is set, ignoring empty ones', () => {
    const section = resolveSection({
      fields: spec.fields,
      env: { DCI_CS_URL: '', DCI_URL: 'https://second' },
      profile,
    });
    expect(section.url).toBe('https://second');
    expect(resolveSection({ fields: spec.fields, env: { DCI_CS_URL: '' }, profile }).url).toBe(
      'https://profile',
    );
  });

  it('ignores unset flags and profile keys the spec does not know', () => {
    const section = resolveSection({
      fields: spec.fields,
      flags: { 'dci-cs-url': undefined, json: true },
      profile: { ...profile, stray: 'x' },
    });
    expect(section).toEqual(profile);
  });

  it('explains where each value came from', () => {
    const explained = explainSection({
      fields: spec.fields,
      flags: { 'dci-cs-url': 'https://flag' },
      env: { DCI_CLIENT_ID: 'env-id' },
      profile,
    });
    expect(explained.url?.source).toEqual({ from: 'flag', name: 'dci-cs-url' });
    expect(explained['client-id']?.source).toEqual({ from: 'env', name: 'DCI_CLIENT_ID' });
    expect(explained.region?.source).toEqual({ from: 'profile' });
  });
});

describe('checkSection', () => {
  it('reports unknown keys, missing required fields with every way to set them, and provider checks', () => {
    const issues = checkSection('dci', spec, { 'client-id': 'x', colour: 'blue' });
    expect(issues).toEqual([
      { path: 'dci.colour', message: expect.stringContaining('unknown setting; dci knows url, client-id') },
      { path: 'dci.url', message: 'required; set --dci-cs-url, DCI_CS_URL, DCI_URL, profile dci.url' },
      { path: 'dci.api-secret', message: 'needed with client-id' },
    ]);
    expect(checkSection('dci', spec, { url: 'u' })).toEqual([]);
  });
});

describe('maskSection', () => {
  it('masks secret fields and credential-looking keys, and nothing else', () => {
    const masked = maskSection(spec.fields, { url: 'u', 'api-secret': 'hunter2-long', password: 'pw-value' });
    expect(masked).toEqual({ url: 'u', 'api-secret': MASK, password: MASK });
    expect(JSON.stringify(masked)).not.toContain('hunter2');
  });
});
