import type { S3FileStorageOptions } from "./s3.js";

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
