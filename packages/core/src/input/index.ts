export { assertSafeKey, nullPrototypeRecord, parseUntrustedJson } from './untrusted-json.js';
