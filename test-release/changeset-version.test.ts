import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedManifest } from './packed-manifest.js';
import { changesetVersion, makeReleaseCopy, type ReleaseCopy, versionsOf } from './release-copy.js';
import { internalDependencies, publishedPackages, readManifest, repoRoot } from './workspace-packages.js';

/** The package names a changeset file's front matter releases. */
function releasedBy(text: string): string[] {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^["']?([^"':]+)["']?\s*:/gm)].map((match) => match[1] as string);
}

function pendingChangesets(root: string): string[] {
  return readdirSync(join(root, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md');
}

const packages = publishedPackages();
const names = new Set(packages.map(({ manifest }) => manifest.name));

describe('changesets configuration', () => {
  it('versions every package independently, publicly, from main', () => {
    const config = JSON.parse(readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8'));
    expect(config.fixed).toEqual([]);
    expect(config.linked).toEqual([]);
    expect(config.access).toBe('public');
    expect(config.baseBranch).toBe('main');
  });

  it('has a pending changeset for every package that has never been released', () => {
    const released = new Set(
      pendingChangesets(repoRoot).flatMap((file) =>
        releasedBy(readFileSync(join(repoRoot, '.changeset', file), 'utf8')),
      ),
    );
    const unreleased = packages
      .filter(({ manifest }) => manifest.version === '0.0.0')
      .map(({ manifest }) => manifest.name);
    expect(unreleased.filter((name) => !released.has(name))).toEqual([]);
  });
});

describe('changeset version in a copy of the workspace', () => {
  let copy: ReleaseCopy;
  let before: Map<string, string>;

  beforeAll(async () => {
    copy = makeReleaseCopy();
    before = versionsOf(copy.root);
    await changesetVersion(copy.root);
  });
  afterAll(() => copy?.remove());

  it('releases never-published packages as 0.1.0, consumes the changesets and writes a CHANGELOG per package', () => {
    const after = versionsOf(copy.root);
    for (const { dir, manifest } of packages) {
      const version = after.get(manifest.name) as string;
      if (before.get(manifest.name) === '0.0.0') expect(version, manifest.name).toBe('0.1.0');
      const changelog = join(copy.root, 'packages', dir, 'CHANGELOG.md');
      if (version !== before.get(manifest.name)) {
        expect(readFileSync(changelog, 'utf8'), manifest.name).toContain(`## ${version}`);
      }
    }
    expect(pendingChangesets(copy.root)).toEqual([]);
  });

  it('bumps the dependants of a package that changes and records the new range in their changelogs', async () => {
    const core = packages.find(({ manifest }) => manifest.name === '@nimbus-sdk/core');
    expect(core).toBeDefined();
    const dependants = packages.filter(({ manifest }) =>
      internalDependencies(manifest, names).includes('@nimbus-sdk/core'),
    );
    expect(dependants.length).toBeGreaterThan(0);
    const released = versionsOf(copy.root);
    writeFileSync(
      join(copy.root, '.changeset', 'core-feature.md'),
      '---\n"@nimbus-sdk/core": minor\n---\n\nA new core feature.\n',
    );
    await changesetVersion(copy.root);
    const next = versionsOf(copy.root);
    const [major, minor] = (released.get('@nimbus-sdk/core') as string).split('.').map(Number);
    expect(next.get('@nimbus-sdk/core')).toBe(`${major}.${(minor as number) + 1}.0`);
    for (const { dir, manifest } of dependants) {
      const [dMajor, dMinor, dPatch] = (released.get(manifest.name) as string).split('.').map(Number);
      expect(next.get(manifest.name), manifest.name).toBe(`${dMajor}.${dMinor}.${(dPatch as number) + 1}`);
      expect(readFileSync(join(copy.root, 'packages', dir, 'CHANGELOG.md'), 'utf8')).toContain(
        `@nimbus-sdk/core@${next.get('@nimbus-sdk/core')}`,
      );
    }
  });

  it('packs every package with real semver ranges for its workspace dependencies', async () => {
    const versions = versionsOf(copy.root);
    for (const { dir, manifest } of packages) {
      const packed = await packedManifest(join(copy.root, 'packages', dir));
      expect(JSON.stringify(packed), manifest.name).not.toContain('workspace:');
      expect(packed.version).toBe(versions.get(manifest.name));
      for (const dependency of internalDependencies(readManifest(copy.root, dir), names)) {
        const range = packed.dependencies?.[dependency] as string;
        // Exact, caret or tilde of the version released beside it: never a range it does not satisfy.
        expect(range.replace(/^[\^~]/, ''), `${manifest.name} -> ${dependency}`).toBe(
          versions.get(dependency),
        );
      }
    }
  });
});

describe('package metadata every release needs', () => {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it.each(packages.map((p) => [p.manifest.name, p] as const))('%s', (_name, { dir, manifest }) => {
    expect(manifest.engines?.node).toBe(root.engines.node);
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.repository?.directory).toBe(`packages/${dir}`);
    // npm provenance refuses a package whose repository is not the one that built it.
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    expect(existsSync(join(repoRoot, 'packages', dir, 'README.md'))).toBe(true);
  });
});
