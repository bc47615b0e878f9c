import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './workspace-packages.js';

const engines: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).engines.node;
const { versions } = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'node-versions.json'), 'utf8')) as {
  versions: string[];
};

/** The `^X.Y.Z` and `>=X.Y.Z` floors of the engines range, by major. */
function engineFloors(range: string): Map<number, number[]> {
  return new Map(
    range.split('||').map((part) => {
      const floor = (/^\s*(?:\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part) ?? []).slice(1).map(Number);
      if (floor.length !== 3) throw new Error(`engines part "${part}" is not ^X.Y.Z or >=X.Y.Z`);
      return [floor[0] as number, floor];
    }),
  );
}

const atLeast = (version: number[], floor: number[]) =>
  version[0] !== floor[0]
    ? (version[0] as number) > (floor[0] as number)
    : version[1] !== floor[1]
      ? (version[1] as number) > (floor[1] as number)
      : (version[2] as number) >= (floor[2] as number);

describe('supported Node versions', () => {
  it('tests every supported line, on a release the engines range accepts', () => {
    const floors = engineFloors(engines);
    const tested = new Set(versions.map((v) => Number(v.split('.')[0])));
    expect([...floors.keys()].filter((major) => !tested.has(major))).toEqual([]);
    for (const version of versions) {
      const parsed = version.split('.').map(Number);
      const floor = floors.get(parsed[0] as number);
      expect(floor, `${version} is not in engines ${engines}`).toBeDefined();
      expect(atLeast(parsed, floor as number[]), `${version} is below ${engines}`).toBe(true);
    }
  });

  it('runs the tests, their workers and the node on PATH on one Node version', () => {
    const onPath = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(onPath).toBe(process.version);
  });
});
