import type { HmacV4Profile } from '../../src/auth/index.js';

/**
 * A non-AWS profile for the parameterised signer's tests: DCI2's constants as the emulator kit's
 * `dci` verifier checks them. The dci package owns the real one (its DCI2_SIGNING).
 */
export const DCI2_PROFILE: HmacV4Profile = {
  algorithm: 'DCI2-HMAC-SHA256',
  scopeTerminator: 'dci2_request',
  dateHeader: 'X-DCI-Date',
  signedHeaders: ['host', 'x-dci-date'],
  pathMode: 'decoded',
  queryMode: 'map',
  headerValues: 'raw',
};
