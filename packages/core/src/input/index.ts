export {
  assertNoPrototypeKeys,
  assertSafeKey,
  nullPrototypeRecord,
  parseUntrustedJson,
} from './untrusted-json.js';
