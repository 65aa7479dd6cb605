import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, posix, resolve } from "node:path";
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFileStorage,
  type FileStorage,
  localFileStorage,
  type S3FileStorageOptions,
  S3StorageError,
  s3ConfigFromEnv,
  s3FileStorage,
} from "./index.js";

const ORG = "6f1c2b5e-8a47-4c1e-9d0e-2f3a4b5c6d7e";
const KEY_SHAPE = /^6f1c2b5e-8a47-4c1e-9d0e-2f3a4b5c6d7e\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BAD_KEYS = ["../x", "a/b/c", "", "/x", "org/", "org/..", "../../etc/passwd", "org\\..\\x", "org/x y"];

/**
 * One implementation under test: the storage and a raw view of its backend, so a test can plant a
 * file where a naive implementation would resolve a bad key (under its folder or bucket prefix).
 */
interface Subject {
  storage: FileStorage;
  plant(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Requests that reached the server (S3 only); the local folder answers undefined. */
  requestCount(): number | undefined;
}

function contract(name: string, setup: () => Promise<Subject>) {
  describe(`FileStorage contract: ${name}`, () => {
    let s: Subject;
    beforeAll(async () => {
      s = await setup();
    });

    it("round-trips binary data, including 2 MB", async () => {
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const big = randomBytes(2 * 1024 * 1024);
      for (const content of [all, big, Buffer.alloc(0)]) {
        const key = await s.storage.put(ORG, content);
        const back = await s.storage.get(key);
        expect(back.length).toBe(content.length);
        expect(back.equals(content)).toBe(true);
      }
    });

    it("gives distinct opaque keys of the shape <org id>/<uuid> for the same content", async () => {
      const content = Buffer.from("same content");
      const keys = await Promise.all([1, 2, 3].map(() => s.storage.put(ORG, content)));
      expect(new Set(keys).size).toBe(3);
      for (const key of keys) {
        expect(key).toMatch(KEY_SHAPE);
        expect(await s.storage.get(key)).toEqual(content);
      }
    });

    it("rejects get of an unknown key with code ENOENT", async () => {
      await expect(s.storage.get(`${ORG}/00000000-0000-4000-8000-000000000000`)).rejects.toMatchObject({ code: "ENOENT" });
    });

    it("remove makes get reject and can be repeated", async () => {
      const key = await s.storage.put(ORG, Buffer.from("to be removed"));
      await s.storage.remove(key);
      await expect(s.storage.get(key)).rejects.toMatchObject({ code: "ENOENT" });
      await expect(s.storage.remove(key)).resolves.toBeUndefined();
      await expect(s.storage.remove(`${ORG}/00000000-0000-4000-8000-000000000000`)).resolves.toBeUndefined();
    });

    it("rejects traversal and malformed keys without touching storage", async () => {
      await s.plant("../x");
      await s.plant("a/b/c");
      const before = s.requestCount();
      for (const key of BAD_KEYS) {
        await expect(s.storage.get(key), key).rejects.toThrow("invalid storage key");
        await expect(s.storage.remove(key), key).rejects.toThrow("invalid storage key");
      }
      for (const org of ["..", "a/b", "", "../x"])
        await expect(s.storage.put(org, Buffer.from("x")), org).rejects.toThrow("invalid storage key");
      expect(s.requestCount()).toBe(before);
      expect(await s.exists("../x")).toBe(true);
      expect(await s.exists("a/b/c")).toBe(true);
    });
  });
}

// ---- local folder ----

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(label: string) {
  const dir = await mkdtemp(join(tmpdir(), `bgm-${label}-`));
  tempDirs.push(dir);
  return dir;
}

contract("local folder", async () => {
  const root = join(await tempDir("files"), "storage");
  // Where a naive implementation would resolve a key: "../x" is a sibling of the root.
  const pathOf = (key: string) => resolve(root, key);
  return {
    storage: localFileStorage(root),
    async plant(key) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), "planted");
    },
    exists: async (key) => existsSync(pathOf(key)),
    requestCount: () => undefined,
  };
});

describe("localFileStorage", () => {
  it("writes owner-only files under <root>/<org id>/", async () => {
    const root = await tempDir("mode");
    const key = await localFileStorage(root).put(ORG, Buffer.from("x"));
    expect(await readdir(join(root, ORG))).toEqual([key.split("/")[1]]);
  });
});

// ---- S3 against s3rver ----

interface SeenRequest {
  method: string | undefined;
  /** Path without the query. */
  url: string | undefined;
  headers: IncomingHttpHeaders;
}

const BUCKET = "bgm-results-test";
let s3Server: Server | undefined;
let endpoint = "";
const seen: SeenRequest[] = [];

afterAll(async () => {
  await new Promise<void>((done) => (s3Server ? s3Server.close(() => done()) : done()));
});

/** s3rver (a local S3 clone on a temp folder) behind our own HTTP server on a free port, so requests can be counted. */
async function startS3() {
  if (s3Server) return;
  const s3rver = new S3rver({ silent: true, directory: await tempDir("s3rver"), vhostBuckets: false });
  const handle = s3rver.callback();
  s3Server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url?.split("?")[0], headers: req.headers });
    handle(req, res);
  });
  await new Promise<void>((done) => s3Server?.listen(0, "127.0.0.1", done));
  endpoint = `http://127.0.0.1:${(s3Server.address() as AddressInfo).port}`;
  await rawClient().send(new CreateBucketCommand({ Bucket: BUCKET }));
}

function s3Options(over: Partial<S3FileStorageOptions> = {}): S3FileStorageOptions {
  // s3rver's built-in account.
  return {
    endpoint,
    region: "eu-central-1",
    bucket: BUCKET,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
    ...over,
  };
}

function rawClient() {
  return new S3Client({
    endpoint,
    region: "eu-central-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

const PREFIX = "results";
contract("S3 (s3rver)", async () => {
  await startS3();
  const client = rawClient();
  // Where a naive implementation would end up: "<prefix>/../x" is "x" at the bucket's top.
  const objectKey = (key: string) => posix.normalize(`${PREFIX}/${key}`);
  return {
    storage: s3FileStorage(s3Options({ prefix: PREFIX })),
    async plant(key) {
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey(key), Body: "planted" }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: objectKey(key) }));
        return true;
      } catch {
        return false;
      }
    },
    requestCount: () => seen.length,
  };
});

describe("s3FileStorage", () => {
  beforeAll(startS3);

  it("stores under the prefix, privately, conditionally, and with SSE only when asked", async () => {
    const plain = s3FileStorage(s3Options({ prefix: "/files/" }));
    const from = seen.length;
    const key = await plain.put(ORG, Buffer.from("x"));
    const put = seen.slice(from).find((r) => r.method === "PUT");
    expect(put?.url).toBe(`/${BUCKET}/files/${key}`);
    expect(put?.headers["if-none-match"]).toBe("*");
    expect(Object.keys(put?.headers ?? {}).filter((h) => h.startsWith("x-amz-acl") || h.startsWith("x-amz-grant"))).toEqual([]);
    expect(put?.headers["x-amz-server-side-encryption"]).toBeUndefined();
    expect((await plain.get(key)).toString()).toBe("x");

    const encrypted = s3FileStorage(s3Options({ serverSideEncryption: "AES256" }));
    const from2 = seen.length;
    const key2 = await encrypted.put(ORG, Buffer.from("y"));
    const put2 = seen.slice(from2).find((r) => r.method === "PUT");
    expect(put2?.url).toBe(`/${BUCKET}/${key2}`);
    expect(put2?.headers["x-amz-server-side-encryption"]).toBe("AES256");
  });

  it("wraps S3 errors without credentials, bucket or endpoint", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const wrongKeys = s3FileStorage(s3Options({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: secret }));
    const err = await wrongKeys.put(ORG, Buffer.from("x")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3StorageError);
    expect(err).toMatchObject({ operation: "put", s3Code: "InvalidAccessKeyId", httpStatus: 403 });
    expect(err).not.toHaveProperty("cause");
    const noBucket = await s3FileStorage(s3Options({ bucket: "no-such-bucket-here" }))
      .get(`${ORG}/00000000-0000-4000-8000-000000000000`)
      .catch((e: unknown) => e);
    expect(noBucket).toMatchObject({ s3Code: "NoSuchBucket", code: "NoSuchBucket", httpStatus: 404 });
    for (const e of [err, noBucket] as Error[]) {
      const text = `${e.message} ${e.stack} ${JSON.stringify(e)}`;
      for (const leak of [secret, "AKIAIOSFODNN7EXAMPLE", "no-such-bucket-here", BUCKET, endpoint, "127.0.0.1"])
        expect(text).not.toContain(leak);
    }
  });

  it("wraps network errors without the endpoint's address", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const down = s3FileStorage(s3Options({ endpoint: `http://127.0.0.1:${port}` }));
    const err = (await down.get(`${ORG}/00000000-0000-4000-8000-000000000000`).catch((e: unknown) => e)) as S3StorageError;
    expect(err).toBeInstanceOf(S3StorageError);
    expect(err.message).toBe("S3 get failed: ECONNREFUSED");
    expect(`${err.message} ${err.stack}`).not.toContain(String(port));
  });

  it("removes an object whose upload got no answer, so no file is left that nobody knows of", async () => {
    // An S3 endpoint that takes the whole upload but never answers it (a timeout after the write).
    const requests: { method?: string; url?: string; bytes: number }[] = [];
    const hanging = createServer((req, res) => {
      let bytes = 0;
      req.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      req.on("end", () => {
        requests.push({ method: req.method, url: req.url?.split("?")[0], bytes });
        if (req.method === "DELETE") res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => hanging.listen(0, "127.0.0.1", done));
    try {
      const port = (hanging.address() as AddressInfo).port;
      const storage = s3FileStorage(s3Options({ endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 300 }));
      const err = await storage.put(ORG, Buffer.from("Befragungsbericht")).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(S3StorageError);
      expect((err as S3StorageError).httpStatus).toBeUndefined();
      const put = requests.find((r) => r.method === "PUT");
      expect(put?.bytes).toBe("Befragungsbericht".length);
      expect(requests.filter((r) => r.method === "DELETE").map((r) => r.url)).toEqual([put?.url]);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((done) => hanging.close(() => done()));
    }
  });

  it("does not remove anything when S3 refused the upload", async () => {
    const from = seen.length;
    const wrongKeys = s3FileStorage(s3Options({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x" }));
    await expect(wrongKeys.put(ORG, Buffer.from("x"))).rejects.toMatchObject({ httpStatus: 403 });
    expect(seen.slice(from).map((r) => r.method)).toEqual(["PUT"]);
  });

  it("refuses a bad endpoint or prefix at construction", () => {
    expect(() => s3FileStorage(s3Options({ endpoint: "not a url" }))).toThrow("S3 endpoint must be an http(s) URL");
    expect(() => s3FileStorage(s3Options({ endpoint: "ftp://x" }))).toThrow("S3 endpoint must be an http(s) URL");
    expect(() => s3FileStorage(s3Options({ prefix: "a/../b" }))).toThrow("invalid S3 prefix");
  });
});

describe("createFileStorage", () => {
  it("uses S3 when configured and the folder otherwise", async () => {
    await startS3();
    const dir = await tempDir("create");
    const local = createFileStorage({ storageDir: dir });
    const localKey = await local.put(ORG, Buffer.from("local"));
    expect(existsSync(join(dir, localKey))).toBe(true);

    const s3 = createFileStorage({ storageDir: dir, s3: s3Options({ prefix: "created" }) });
    const from = seen.length;
    const s3Key = await s3.put(ORG, Buffer.from("remote"));
    expect(seen.slice(from).some((r) => r.url === `/${BUCKET}/created/${s3Key}`)).toBe(true);
    expect(existsSync(join(dir, s3Key))).toBe(false);
    expect((await s3.get(s3Key)).toString()).toBe("remote");
  });
});

describe("s3ConfigFromEnv", () => {
  const keys = { S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

  it("is undefined without S3_BUCKET (or with an empty one)", () => {
    expect(s3ConfigFromEnv({})).toBeUndefined();
    expect(s3ConfigFromEnv({ S3_BUCKET: "", ...keys })).toBeUndefined();
    expect(s3ConfigFromEnv({ S3_BUCKET: "  ", S3_ENDPOINT: "http://minio:9000" })).toBeUndefined();
  });

  it("reads AWS defaults", () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: "b", ...keys })).toEqual({
      region: "eu-central-1",
      bucket: "b",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
  });

  it("reads an S3-compatible endpoint with path style by default, and every option", () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://minio:9000", ...keys })).toMatchObject({
      endpoint: "http://minio:9000",
      forcePathStyle: true,
    });
    expect(
      s3ConfigFromEnv({
        S3_BUCKET: "b",
        S3_ENDPOINT: "https://s3.example.net",
        S3_REGION: "us-east-1",
        S3_FORCE_PATH_STYLE: "false",
        S3_PREFIX: "results",
        S3_SERVER_SIDE_ENCRYPTION: "aws:kms",
        ...keys,
      }),
    ).toEqual({
      endpoint: "https://s3.example.net",
      region: "us-east-1",
      bucket: "b",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: false,
      prefix: "results",
      serverSideEncryption: "aws:kms",
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "TRUE", ...keys })?.forcePathStyle).toBe(true);
  });

  it("names the missing or invalid variable", () => {
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b" })).toThrow("S3_BUCKET is set but S3_ACCESS_KEY_ID is missing");
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" })).toThrow(
      "S3_BUCKET is set but S3_SECRET_ACCESS_KEY is missing",
    );
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "" })).toThrow("S3_SECRET_ACCESS_KEY");
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "yes", ...keys })).toThrow("S3_FORCE_PATH_STYLE");
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_SERVER_SIDE_ENCRYPTION: "DES", ...keys })).toThrow("S3_SERVER_SIDE_ENCRYPTION");
  });

  it("never puts the secret into an error", () => {
    const err = (() => {
      try {
        s3ConfigFromEnv({ S3_BUCKET: "b", S3_SECRET_ACCESS_KEY: "s3cr3t" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).not.toContain("s3cr3t");
  });
});
