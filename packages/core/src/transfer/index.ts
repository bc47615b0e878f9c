export {
  checkDownloadTarget,
  type DownloadTarget,
  type WriteDownloadOptions,
  writeDownload,
} from './download-target.js';
export {
  type UploadBodyOptions,
  type UploadProgress,
  type UploadSource,
  uploadBody,
} from './upload-source.js';
