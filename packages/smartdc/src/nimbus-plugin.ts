/** What the nimbus CLI loads from this package (package.json `nimbus.plugin`): the provider definition. */
export { default } from './provider.js';
