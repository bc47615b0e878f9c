import { ConfigError } from '@nimbus-sdk/core';
import type { DataPlaneOptions } from '../client-options.js';

/** Every data-plane node serves S3 on this port, plain HTTP. */
export const DATA_PLANE_PORT = 9000;

/** S3 credentials of one access key. */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where an instance's S3 API is: the override, else `http://<ipsv4[0]>:9000`. */
export function dataPlaneEndpoint(
  instance: { uuid: string; ipsv4?: readonly string[] },
  options: DataPlaneOptions = {},
): string {
  if (options.endpoint) return options.endpoint.replace(/\/+$/, '');
  const ip = instance.ipsv4?.[0];
  if (!ip) {
    throw new ConfigError(
      `Instance ${instance.uuid} has no data-plane address yet (ipsv4 is empty): wait for it to be ACTIVE or give a data-plane endpoint`,
    );
  }
  return `http://${ip}:${DATA_PLANE_PORT}`;
}
