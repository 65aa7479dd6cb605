import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { type S3FileStorageOptions, s3FileStorage } from "./file-storage-s3.js";

/**
 * Where result files are kept, addressed by opaque keys (`<org id>/<uuid>`), never by the
 * uploaded name: a folder outside the web root ({@link localFileStorage}) or, when configured,
 * an S3-compatible bucket ({@link s3FileStorage}). `createFileStorage` picks one.
 *
 * Contract of both: `put` never overwrites and returns a fresh key; `get` of an unknown key
 * rejects with an error whose `code` is "ENOENT"; `remove` is idempotent; a key that is not of
 * the form `<segment>/<segment>` is rejected before storage is touched.
 */
export interface FileStorage {
  put(orgId: string, content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export type { S3FileStorageOptions } from "./file-storage-s3.js";
export { s3FileStorage } from "./file-storage-s3.js";

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Splits and checks a storage key. Keys are ours, but a key read back from the database must
 * still never walk out of the storage root (`../x`, `a/b/c`, absolute paths).
 */
export function storageKeyParts(key: string): [org: string, name: string] {
  const [org, name, ...rest] = key.split("/");
  if (rest.length > 0 || !org || !name || !SAFE_SEGMENT.test(org) || !SAFE_SEGMENT.test(name)) throw new Error("invalid storage key");
  return [org, name];
}

/** A fresh key `<org id>/<uuid>`; rejects an org id that is not a single safe segment. */
export function newStorageKey(orgId: string): string {
  const key = `${orgId}/${randomUUID()}`;
  storageKeyParts(key);
  return key;
}

export function localFileStorage(dir: string): FileStorage {
  const root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  const pathOf = (key: string) => join(root, ...storageKeyParts(key));
  return {
    async put(orgId, content) {
      const key = newStorageKey(orgId);
      const path = pathOf(key);
      await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
      await writeFile(path, content, { mode: 0o600, flag: "wx" });
      return key;
    },
    get: async (key) => readFile(pathOf(key)),
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** S3-compatible storage when `s3` is given (see {@link s3ConfigFromEnv}), the local folder otherwise. */
export function createFileStorage(cfg: { storageDir: string; s3?: S3FileStorageOptions | undefined }): FileStorage {
  return cfg.s3 ? s3FileStorage(cfg.s3) : localFileStorage(cfg.storageDir);
}

const SSE_VALUES = ["AES256", "aws:kms"] as const;

/**
 * Reads the S3 settings from the environment; `undefined` (local folder) unless S3_BUCKET is set.
 * Empty values count as unset. Throws an Error naming the variable when one is missing or invalid.
 *
 * S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (required together), S3_REGION (default
 * eu-central-1), S3_ENDPOINT (MinIO and other S3-compatible servers), S3_FORCE_PATH_STYLE
 * ("true"/"false"; default true with an endpoint, false without), S3_PREFIX (key prefix inside
 * the bucket), S3_SERVER_SIDE_ENCRYPTION ("AES256" or "aws:kms"; header not sent when unset).
 */
export function s3ConfigFromEnv(env: Record<string, string | undefined>): S3FileStorageOptions | undefined {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const bucket = value("S3_BUCKET");
  if (!bucket) return undefined;
  const required = (name: string) => {
    const v = value(name);
    if (!v) throw new Error(`S3_BUCKET is set but ${name} is missing`);
    return v;
  };
  const accessKeyId = required("S3_ACCESS_KEY_ID");
  const secretAccessKey = required("S3_SECRET_ACCESS_KEY");
  const endpoint = value("S3_ENDPOINT");
  const pathStyle = value("S3_FORCE_PATH_STYLE")?.toLowerCase();
  if (pathStyle !== undefined && pathStyle !== "true" && pathStyle !== "false") {
    throw new Error('S3_FORCE_PATH_STYLE must be "true" or "false"');
  }
  const sse = value("S3_SERVER_SIDE_ENCRYPTION");
  if (sse !== undefined && !(SSE_VALUES as readonly string[]).includes(sse)) {
    throw new Error('S3_SERVER_SIDE_ENCRYPTION must be "AES256" or "aws:kms"');
  }
  const prefix = value("S3_PREFIX");
  return {
    ...(endpoint ? { endpoint } : {}),
    region: value("S3_REGION") ?? "eu-central-1",
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === "true",
    ...(prefix ? { prefix } : {}),
    ...(sse ? { serverSideEncryption: sse as S3FileStorageOptions["serverSideEncryption"] } : {}),
  };
}
