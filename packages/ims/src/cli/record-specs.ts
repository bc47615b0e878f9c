import type { RecordCommandSpec } from './record-commands.js';

/** The record commands' resources and table columns. */
export const recordSpecs = {
  image: {
    noun: 'image',
    resource: (ims) => ims.images,
    columns: ['id', 'name', 'arch', 'created'],
  },
  recipe: {
    noun: 'recipe',
    resource: (ims) => ims.recipes,
    columns: ['id', 'name', 'recipe_type', 'linux_distribution', 'arch', 'created'],
  },
  publicKey: {
    noun: 'public key',
    resource: (ims) => ims.publicKeys,
    columns: ['id', 'name', 'created'],
  },
  job: {
    noun: 'job',
    resource: (ims) => ims.jobs,
    columns: ['id', 'job_type', 'status', 'artifact_id', 'resultant_image_id', 'created'],
  },
  deletedImage: {
    noun: 'deleted image',
    resource: (ims) => ims.v3.deletedImages,
    columns: ['id', 'name', 'arch', 'deleted'],
  },
} satisfies Record<string, RecordCommandSpec>;
