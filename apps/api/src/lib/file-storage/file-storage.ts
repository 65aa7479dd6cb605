import { randomUUID } from "node:crypto";

/**
 * Where uploaded files are kept, addressed by opaque keys (`<org id>/<uuid>`), never by the
 * uploaded name: a folder outside the web root (`localFileStorage`, local.ts) or, when configured,
 * an S3-compatible bucket (`s3FileStorage`, s3.ts). `createFileStorage` (index.ts) picks one.
 * This file imports neither implementation, so both can import it without a cycle.
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
