/** The boot artifacts an IMS image is made of, their S3 key suffix and manifest MIME type. */
export const IMAGE_ARTIFACTS = {
  rootfs: { suffix: 'rootfs', type: 'application/vnd.cray.image.rootfs.squashfs' },
  kernel: { suffix: 'kernel', type: 'application/vnd.cray.image.kernel' },
  initrd: { suffix: 'initrd', type: 'application/vnd.cray.image.initrd' },
  debugKernel: { suffix: 'debug_kernel', type: 'application/vnd.cray.image.debug.kernel' },
  bootParameters: { suffix: 'boot_parameters', type: 'application/vnd.cray.image.parameters.boot' },
} as const;

/** Which artifact a file is: `rootfs`, `kernel`, `initrd`, `debugKernel` or `bootParameters`. */
export type ImageArtifactKind = keyof typeof IMAGE_ARTIFACTS;

/** Upload order of the helper, kept so manifests list artifacts in the same order. */
export const IMAGE_ARTIFACT_ORDER: readonly ImageArtifactKind[] = [
  'rootfs',
  'kernel',
  'initrd',
  'debugKernel',
  'bootParameters',
];

/** The MIME type of the manifest itself, as the helper reports it in its output. */
export const MANIFEST_CONTENT_TYPE = 'application/json';

/** The recipe archive's MIME type. */
export const RECIPE_CONTENT_TYPE = 'application/x-compressed-tar';

/** IMS recognises the rootfs by this prefix of an artifact's type. */
export const ROOTFS_TYPE_PREFIX = IMAGE_ARTIFACTS.rootfs.type;
