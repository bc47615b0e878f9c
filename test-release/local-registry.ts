import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A running throwaway Verdaccio. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Stops Verdaccio and waits for it to exit. */
  close(): Promise<void>;
}

/** Where the registry keeps its files and which registry it proxies third-party packages from. */
export interface LocalRegistryOptions {
  dir: string;
  /** The registry npm uses on this machine (`npm config get registry`); never a hard-coded host. */
  upstream: string;
  /** npm's `cafile` on this machine, if any, so Verdaccio trusts what npm trusts. */
  cafile?: string;
}

const verdaccioBin = join(
  dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
  'bin',
  'verdaccio',
);

/**
 * Verdaccio's config: `@nimbus-sdk/*` only ever comes from what the test publishes (no uplink, so a
 * package of the same name on the public registry can never stand in for ours), anyone may publish
 * it, and every other package is proxied from the machine's own registry.
 */
function registryConfig({ dir, upstream }: LocalRegistryOptions): string {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    'packages:',
    "  '@nimbus-sdk/*':",
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'max_body_size: 100mb',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

async function freeLocalPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${log()}`);
}

/**
 * The parts of the test runner's environment Verdaccio needs to reach the upstream registry the way
 * npm does on this machine: extra CA certificates (a TLS-inspecting proxy) and proxy settings.
 */
function upstreamNetworkEnv(cafile: string | undefined): NodeJS.ProcessEnv {
  const names = [
    'NODE_EXTRA_CA_CERTS',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
  ];
  const env: NodeJS.ProcessEnv = {};
  for (const name of names.flatMap((n) => [n, n.toLowerCase()])) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  if (cafile && env.NODE_EXTRA_CA_CERTS === undefined) env.NODE_EXTRA_CA_CERTS = cafile;
  return env;
}

/** Starts Verdaccio on 127.0.0.1 with its storage under `dir`. */
export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  mkdirSync(options.dir, { recursive: true });
  const configPath = join(options.dir, 'config.yaml');
  writeFileSync(configPath, registryConfig(options));
  const port = await freeLocalPort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [verdaccioBin, '--config', configPath, '--listen', `127.0.0.1:${port}`],
    {
      cwd: options.dir,
      env: { PATH: process.env.PATH, HOME: options.dir, ...upstreamNetworkEnv(options.cafile) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}
