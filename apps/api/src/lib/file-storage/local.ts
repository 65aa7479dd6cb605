import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { type FileStorage, newStorageKey, storageKeyParts } from "./file-storage.js";

/** Files in a folder outside the web root, one sub-folder per organization, readable by this user only. */
export function localFileStorage(dir: string): FileStorage {
  const root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  const pathOf = (key: string) => join(root, ...storageKeyParts(key));
  return {
    async put(orgId, content) {
      const key = newStorageKey(orgId);
      const path = pathOf(key);
      await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
      try {
        await writeFile(path, content, { mode: 0o600, flag: "wx" });
      } catch (err) {
        // A full disk leaves a created, truncated file behind: no row will point at it, so remove it.
        await rm(path, { force: true }).catch(() => undefined);
        throw err;
      }
      return key;
    },
    get: async (key) => readFile(pathOf(key)),
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
