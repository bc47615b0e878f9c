export { type AuthContext, type AuthStrategy, noAuth, type SignableRequest } from './types.js';
