// One nimbus uploadArtifacts run in its own process, so its peak RSS and bytes read are its own.
// Prints one JSON line: wall seconds, peak RSS, rchar.
import { readFileSync } from 'node:fs';

const cfg = JSON.parse(process.argv[2]);
const { createImsClient } = await import(new URL('../dist/index.js', import.meta.url).href);
const start = performance.now();
const ims = createImsClient({
  url: cfg.imsUrl,
  auth: { tokenUrl: cfg.tokenUrl, clientId: cfg.clientId, clientSecret: cfg.clientSecret },
  s3: { endpoint: cfg.endpoint, accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
  bucket: cfg.bucket,
});
const files = Object.fromEntries(cfg.artifacts.map(([suffix, , path]) => [suffix, path]));
await ims.uploadArtifacts({ imageName: cfg.imageName, ...files });
const wallSeconds = (performance.now() - start) / 1000;
const io = Object.fromEntries(
  readFileSync('/proc/self/io', 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(': ')),
);
process.stdout.write(
  `${JSON.stringify({ wallSeconds, peakRssBytes: process.resourceUsage().maxRSS * 1024, readBytes: Number(io.rchar) })}\n`,
);
