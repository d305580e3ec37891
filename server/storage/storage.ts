// Where attachment contents live. The interface is what an S3-compatible store would implement;
// the default keeps files on the local disk under the data folder, written atomically.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

export type FileStorage = {
  put(key: string, content: Uint8Array): Promise<void>;
  /**
   * Stores content as it arrives (an upload): nothing is held in memory beyond a chunk. When the
   * source throws (a size limit passed, the client gone), nothing is left under the key and no
   * partial file remains: the error is rethrown.
   */
  putStream(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
};

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_-]*$/i.test(key) || key.includes("..")) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, content: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write to a temporary name, flush, then rename: a crash never leaves half a file under the key.
    const temp = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }

  async putStream(key: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      try {
        for await (const chunk of source) await handle.write(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }); // the partial file goes with the failure
      throw error;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }
}

let storage: FileStorage | undefined;
/** The configured store: REGLAMENT_FILES_DIR, else <REGLAMENT_DATA_DIR>/files. */
export function fileStorage(): FileStorage {
  const { filesDir, dataDir } = env();
  storage ??= new LocalFileStorage(path.resolve(filesDir ?? path.join(dataDir, "files")));
  return storage;
}

export function sha256(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
