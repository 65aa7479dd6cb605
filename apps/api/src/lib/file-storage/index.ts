// Public entry of the file store shared by the platform (config) and the modules that keep files in it.
import type { FileStorage } from "./file-storage.js";
import { localFileStorage } from "./local.js";
import { type S3FileStorageOptions, s3FileStorage } from "./s3.js";

export type { FileStorage } from "./file-storage.js";
export { localFileStorage } from "./local.js";
export { type S3FileStorageOptions, S3StorageError, s3FileStorage } from "./s3.js";
export { s3ConfigFromEnv } from "./s3-config.js";

/** S3-compatible storage when `s3` is given (see {@link s3ConfigFromEnv}), the local folder otherwise. */
export function createFileStorage(cfg: { storageDir: string; s3?: S3FileStorageOptions | undefined }): FileStorage {
  return cfg.s3 ? s3FileStorage(cfg.s3) : localFileStorage(cfg.storageDir);
}
