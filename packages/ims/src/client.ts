import { createRequire } from 'node:module';
import { ConfigError, createTransport, type Transport } from '@nimbus-sdk/core';
import type { ArtifactStore } from './artifact-store.js';
import { imsAuthStrategy } from './auth.js';
import { fetchTrustingCa } from './ca-fetch.js';
import { clientOptionsSchema, type ImsClientOptions } from './client-options.js';
import type { ImsApiVersion, ImsContext } from './context.js';
import { parseImsErrorBody } from './error-body.js';
import { type WaitForJobOptions, waitForJob } from './job-waiters.js';
import { parseInput } from './parse-input.js';
import type { UploadRecipeInput } from './recipe-upload.js';
import {
  type DeletedImageRecord,
  type DeletedPublicKeyRecord,
  type DeletedRecipeRecord,
  DeletedRecords,
} from './resources/deleted-records.js';
import { Images } from './resources/images.js';
import { type JobRecord, type JobStatus, Jobs } from './resources/jobs.js';
import { PublicKeys } from './resources/public-keys.js';
import type { RecipeRecord } from './resources/recipes.js';
import { Recipes } from './resources/recipes.js';
import { RemoteBuildNodes } from './resources/remote-build-nodes.js';
import { ServiceInfo } from './resources/service-info.js';
import type { UploadArtifactsInput } from './upload-artifacts.js';
import type { UploadArtifactsResult } from './upload-output.js';

const packageVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The IMS resources of one route family. */
export interface ImsResources {
  readonly images: Images;
  readonly recipes: Recipes;
  readonly publicKeys: PublicKeys;
  readonly jobs: Jobs;
}

/** What only `/v3` has: soft-deleted records and remote build nodes. */
export interface ImsV3Resources extends ImsResources {
  readonly deletedImages: DeletedRecords<DeletedImageRecord>;
  readonly deletedRecipes: DeletedRecords<DeletedRecipeRecord>;
  readonly deletedPublicKeys: DeletedRecords<DeletedPublicKeyRecord>;
  readonly remoteBuildNodes: RemoteBuildNodes;
}

/** An IMS client: the unversioned (v2) resources at the top, `/v3` under `v3`. */
export interface ImsClient extends ImsResources {
  readonly transport: Transport;
  /** The `/v3` route family (soft delete, deleted records, remote build nodes). */
  readonly v3: ImsV3Resources;
  /** `/version` and `/healthz/*`. */
  readonly service: ServiceInfo;
  /** Sets a job's status (the helper's `image set_job_status`). */
  setJobStatus(jobId: string, status: JobStatus, options?: { signal?: AbortSignal }): Promise<JobRecord>;
  /** Polls a job until it reaches `until` (default `success`); `error` fails the wait. */
  waitForJob(jobId: string, options?: WaitForJobOptions): Promise<JobRecord>;
  /**
   * Uploads boot artifacts and a version 1.0 manifest to S3 and links them to a new image (the
   * helper's `image upload_artifacts`); rolled back on any failure. Needs the `s3` option.
   */
  uploadArtifacts(input: UploadArtifactsInput): Promise<UploadArtifactsResult>;
  /** Uploads a recipe archive and links it (the helper's `recipe_upload`, its bugs fixed). Needs `s3`. */
  uploadRecipe(input: UploadRecipeInput): Promise<RecipeRecord>;
  /** The S3 side (engine uploads and the few other calls); `ConfigError` without the `s3` option. */
  artifactStore(): Promise<ArtifactStore>;
}

/** The IMS root without trailing slashes, so `--ims-url https://x/apis/ims/` is harmless. */
function imsBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

function resourcesOf(context: ImsContext, version: ImsApiVersion): ImsResources {
  return {
    images: new Images(context, version),
    recipes: new Recipes(context, version),
    publicKeys: new PublicKeys(context, version),
    jobs: new Jobs(context, version),
  };
}

/**
 * Creates an IMS client. Options are checked before anything is built; no request is sent until a
 * method is called.
 *
 * @example
 * const ims = createImsClient({
 *   url: 'https://api-gw-service-nmn.local/apis/ims',
 *   auth: { tokenUrl, clientId: 'admin-client', clientSecret },
 * });
 * for await (const image of ims.images.list()) console.log(image.id, image.name);
 */
export function createImsClient(options: ImsClientOptions): ImsClient {
  parseInput(clientOptionsSchema, options, 'IMS client options');
  const transport = createTransport({
    baseUrl: imsBaseUrl(options.url),
    auth: imsAuthStrategy(options.auth, { caBundle: options.caBundle, clock: options.clock }),
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? `nimbus-ims/${packageVersion}`,
    fetch: options.fetch ?? (options.caBundle === undefined ? undefined : fetchTrustingCa(options.caBundle)),
    logger: options.logger,
    clock: options.clock,
    parseErrorBody: parseImsErrorBody,
  });
  const context: ImsContext = { transport };
  const v2 = resourcesOf(context, 'v2');
  const v3: ImsV3Resources = {
    ...resourcesOf(context, 'v3'),
    deletedImages: new DeletedRecords<DeletedImageRecord>(context, 'images', 'image'),
    deletedRecipes: new DeletedRecords<DeletedRecipeRecord>(context, 'recipes', 'recipe'),
    deletedPublicKeys: new DeletedRecords<DeletedPublicKeyRecord>(context, 'public-keys', 'public key'),
    remoteBuildNodes: new RemoteBuildNodes(context),
  };
  let store: Promise<ArtifactStore> | undefined;
  // Loaded on first use so IMS-only commands never load the AWS SDK.
  const artifactStore = (): Promise<ArtifactStore> => {
    const s3 = options.s3;
    if (!s3) {
      return Promise.reject(
        new ConfigError(
          'S3 is not configured: give the s3 option (S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY)',
        ),
      );
    }
    store ??= import('./artifact-store.js').then(({ ArtifactStore }) => new ArtifactStore(s3));
    return store;
  };
  const bucket = options.bucket ?? 'boot-images';
  return {
    transport,
    ...v2,
    v3,
    service: new ServiceInfo(context),
    setJobStatus: (jobId, status, callOptions) => v2.jobs.setStatus(jobId, status, callOptions),
    waitForJob: (jobId, waitOptions) => waitForJob(v2.jobs, jobId, waitOptions),
    artifactStore,
    async uploadArtifacts(input) {
      const [{ uploadArtifacts }, resolved] = await Promise.all([
        import('./upload-artifacts.js'),
        artifactStore(),
      ]);
      return uploadArtifacts({ images: v2.images, jobs: v2.jobs, store: resolved, bucket }, input);
    },
    async uploadRecipe(input) {
      const [{ uploadRecipe }, resolved] = await Promise.all([import('./recipe-upload.js'), artifactStore()]);
      return uploadRecipe(
        { recipes: v2.recipes, store: resolved, bucket: options.recipeBucket ?? 'ims' },
        input,
      );
    },
  };
}
