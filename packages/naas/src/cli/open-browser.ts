import { spawn } from 'node:child_process';

/** Opens `url` in the default browser with the platform's opener, as an argv array (no shell). */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { shell: false, stdio: 'ignore', detached: true });
  // No browser (a server, a container): the printed URL is the fallback, so the error is dropped.
  child.on('error', () => {});
  child.unref();
}
