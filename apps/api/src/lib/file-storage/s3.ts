import type { S3Client } from "@aws-sdk/client-s3";
import { type FileStorage, newStorageKey, storageKeyParts } from "./file-storage.js";

export interface S3FileStorageOptions {
  /** For MinIO and other S3-compatible servers, e.g. "http://127.0.0.1:9000"; AWS when unset. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO needs it). */
  forcePathStyle: boolean;
  /** Folder inside the bucket, e.g. "results"; keys are stored under `<prefix>/<org id>/<uuid>`. */
  prefix?: string;
  /** Sent as x-amz-server-side-encryption on every upload when set. */
  serverSideEncryption?: "AES256" | "aws:kms";
  /** How long one request may take before it is given up (default 60 s). */
  requestTimeoutMs?: number;
}

/**
 * An error from S3 or the way there, without the SDK's original: that one can carry the bucket,
 * the endpoint's URL or host name and request details. Only the error's name (e.g. "NoSuchKey",
 * "AccessDenied", "ECONNREFUSED"), the HTTP status and the request id are kept. `code` is
 * "ENOENT" for a missing object, like the local folder's error.
 */
export class S3StorageError extends Error {
  readonly code: string;
  constructor(
    readonly operation: "put" | "get" | "remove",
    readonly s3Code: string,
    readonly httpStatus: number | undefined,
    readonly requestId: string | undefined,
  ) {
    super(`S3 ${operation} failed: ${s3Code}${httpStatus ? ` (HTTP ${httpStatus})` : ""}`);
    this.code = s3Code === "NoSuchKey" || (operation === "get" && httpStatus === 404 && s3Code !== "NoSuchBucket") ? "ENOENT" : s3Code;
  }
}

// On the prototype, so the stack trace's first line carries it too.
S3StorageError.prototype.name = "S3StorageError";

const SAFE_CODE = /^[A-Za-z0-9._-]{1,64}$/;

function wrap(operation: S3StorageError["operation"], err: unknown): S3StorageError {
  const e = (err ?? {}) as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown; requestId?: unknown } };
  // Node's network errors carry a code (ECONNREFUSED); the SDK's service errors a name (NoSuchKey).
  const raw = typeof e.code === "string" && SAFE_CODE.test(e.code) ? e.code : e.name;
  const code = typeof raw === "string" && SAFE_CODE.test(raw) && raw !== "Error" ? raw : "UnknownError";
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  const requestId = typeof e.$metadata?.requestId === "string" && SAFE_CODE.test(e.$metadata.requestId) ? e.$metadata.requestId : undefined;
  return new S3StorageError(operation, code, status, requestId);
}

function normalizePrefix(prefix: string | undefined): string {
  const segments = (prefix ?? "").split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) throw new Error("invalid S3 prefix");
  return segments.length ? `${segments.join("/")}/` : "";
}

/**
 * Files in an S3 bucket (AWS or compatible). Objects are private: no ACL is sent, so they
 * get the bucket's default (keep Block Public Access on). `put` sends `If-None-Match: *`, so a
 * server that supports conditional writes (AWS, MinIO) refuses to overwrite; elsewhere the random
 * uuid in the key keeps keys apart. The SDK is loaded on first use, not at startup.
 */
export function s3FileStorage(opts: S3FileStorageOptions): FileStorage {
  if (opts.endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(opts.endpoint);
    } catch {}
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new Error("S3 endpoint must be an http(s) URL");
  }
  if (!opts.bucket) throw new Error("S3 bucket is missing");
  const prefix = normalizePrefix(opts.prefix);
  const objectKey = (key: string) => prefix + storageKeyParts(key).join("/");

  let sdk: Promise<{ client: S3Client; mod: typeof import("@aws-sdk/client-s3") }> | undefined;
  const load = () => {
    sdk ??= import("@aws-sdk/client-s3").then((mod) => ({
      mod,
      client: new mod.S3Client({
        region: opts.region,
        ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
        forcePathStyle: opts.forcePathStyle,
        credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
        // Without throwOnRequestTimeout the SDK only logs a warning and the request hangs on.
        requestHandler: { connectionTimeout: 5_000, requestTimeout: opts.requestTimeoutMs ?? 60_000, throwOnRequestTimeout: true },
        // Many S3-compatible servers do not know the SDK's default CRC checksums; AWS does.
        ...(opts.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
      }),
    }));
    return sdk;
  };

  return {
    async put(orgId, content) {
      const key = newStorageKey(orgId);
      const { client, mod } = await load();
      try {
        await client.send(
          new mod.PutObjectCommand({
            Bucket: opts.bucket,
            Key: objectKey(key),
            Body: content,
            ContentLength: content.length,
            ContentType: "application/octet-stream",
            IfNoneMatch: "*",
            ...(opts.serverSideEncryption ? { ServerSideEncryption: opts.serverSideEncryption } : {}),
          }),
        );
      } catch (err) {
        const failure = wrap("put", err);
        // No answer (a timeout, a dropped connection) or a server error: the object may have been
        // stored all the same, and nobody would ever know its key. Remove it, best effort; the key is
        // a fresh uuid, so it can only be ours. A 4xx answer means S3 stored nothing.
        if (failure.httpStatus === undefined || failure.httpStatus >= 500) {
          await client.send(new mod.DeleteObjectCommand({ Bucket: opts.bucket, Key: objectKey(key) })).catch(() => {});
        }
        throw failure;
      }
      return key;
    },
    async get(key) {
      const Key = objectKey(key);
      const { client, mod } = await load();
      try {
        const res = await client.send(new mod.GetObjectCommand({ Bucket: opts.bucket, Key }));
        if (!res.Body) throw new Error("empty body");
        const bytes = await res.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (err) {
        throw wrap("get", err);
      }
    },
    async remove(key) {
      const Key = objectKey(key);
      const { client, mod } = await load();
      try {
        // S3 answers 204 for a missing object as well: removing twice is fine.
        await client.send(new mod.DeleteObjectCommand({ Bucket: opts.bucket, Key }));
      } catch (err) {
        if (err instanceof mod.NoSuchKey) return;
        throw wrap("remove", err);
      }
    },
  };
}
