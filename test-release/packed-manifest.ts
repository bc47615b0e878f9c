import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecked } from './run-command.js';
import type { PackageManifest } from './workspace-packages.js';

/** `pnpm pack`s the package in `dir` and returns the package.json inside the tarball: what npm would see. */
export async function packedManifest(dir: string): Promise<PackageManifest> {
  const destination = mkdtempSync(join(tmpdir(), 'nimbus-pack-'));
  try {
    await runChecked('pnpm', ['pack', '--pack-destination', destination], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: destination, CI: 'true' },
    });
    const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
    const { stdout } = await runChecked(
      'tar',
      ['-xzOf', join(destination, tarball), 'package/package.json'],
      {
        cwd: destination,
        env: { PATH: process.env.PATH },
      },
    );
    return JSON.parse(stdout) as PackageManifest;
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}
