/**
 * @nimbus-sdk/smartdc: a Joyent Triton / SmartDataCenter CloudAPI client (the TypeScript successor
 * of py-smartdc). No CLI code here: the oclif commands live in ./commands and are never imported.
 */

export { cloudApiKeyId } from './auth/key-id.js';
export { createSmartdcClient, type SmartdcClient } from './client.js';
export { DEFAULT_ACCEPT_VERSION, type SmartdcClientOptions } from './client-options.js';
export type { CallOptions } from './context.js';
export type {
  MachineWaitOptions,
  MachineWaitResult,
  MachineWaitResultFor,
  PurgedMachine,
} from './machine-waiters.js';
export type { AccountResource } from './resources/account.js';
export type { DatacentersResource } from './resources/datacenters.js';
export type { FirewallRuleInput, FirewallRulesResource } from './resources/firewall-rules.js';
export type { ImageFilters, ImagesResource } from './resources/images.js';
export type { KeysResource } from './resources/keys.js';
export type {
  CreateMachineInput,
  MachineAction,
  MachineFilters,
  MachinePaging,
  MachinesResource,
} from './resources/machines.js';
export { createMachineBody, MAX_PAGE_SIZE } from './resources/machines.js';
export type { MetadataResource } from './resources/metadata.js';
export type { NetworksResource } from './resources/networks.js';
export type { PackageFilters, PackagesResource } from './resources/packages.js';
export type { ServicesResource } from './resources/services.js';
export type { SnapshotsResource } from './resources/snapshots.js';
export type { TagsResource, TagValue } from './resources/tags.js';
export {
  SMARTDC_ENV,
  type SmartdcSettings,
  smartdcClientOptions,
  smartdcClientOptionsFromEnv,
  smartdcSettings,
} from './settings.js';
export type * from './types.js';
