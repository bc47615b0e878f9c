import { randomUUID } from 'node:crypto';

/** An S3 link as IMS stores it. */
export interface StoredLink {
  path: string;
  type: string;
  etag: string;
}

export interface StoredImage {
  id: string;
  created: string;
  name: string;
  link: StoredLink | null;
  arch: string;
  metadata: Record<string, string>;
}

export interface StoredRecipe {
  id: string;
  created: string;
  name: string;
  recipe_type: string;
  linux_distribution: string;
  link: StoredLink | null;
  template_dictionary: { key: string; value: string }[];
  require_dkms: boolean;
  arch: string;
}

export interface StoredPublicKey {
  id: string;
  created: string;
  name: string;
  public_key: string;
}

export type StoredJob = Record<string, unknown> & {
  id: string;
  created: string;
  status: string;
  job_type: string;
};

/** A v3 soft-deleted record: the record as it was, when it went, and (images) its original link. */
export type Deleted<T> = T & { deleted: string };

/** The IMS collections, independent of the SDK's types (the emulator never imports the SDK). */
export class ImsState {
  images = new Map<string, StoredImage>();
  recipes = new Map<string, StoredRecipe>();
  publicKeys = new Map<string, StoredPublicKey>();
  jobs = new Map<string, StoredJob>();
  deletedImages = new Map<string, Deleted<StoredImage>>();
  deletedRecipes = new Map<string, Deleted<StoredRecipe>>();
  deletedPublicKeys = new Map<string, Deleted<StoredPublicKey>>();
  remoteBuildNodes = new Map<string, { xname: string }>();
  /** The link a soft-deleted record had, restored on undelete (not served). */
  originalLinks = new Map<string, StoredLink | null>();

  constructor(private readonly clock: () => Date) {}

  /** A fresh server-generated id. */
  newId(): string {
    return randomUUID();
  }

  /** `created` as IMS writes new records: naive local time with microseconds. */
  timestamp(): string {
    const date = this.clock();
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    return (
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
      `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`
    );
  }

  /** The emulator clock. */
  now(): Date {
    return this.clock();
  }

  /** Forgets everything. */
  clear(): void {
    for (const map of [
      this.images,
      this.recipes,
      this.publicKeys,
      this.jobs,
      this.deletedImages,
      this.deletedRecipes,
      this.deletedPublicKeys,
      this.remoteBuildNodes,
      this.originalLinks,
    ]) {
      map.clear();
    }
  }
}
