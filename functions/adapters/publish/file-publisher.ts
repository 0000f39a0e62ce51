import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ReportFile, ReportPublisher } from '../../core/ports';
import type { AppLogger } from '../../core/ports/logger';

/** Locally, published reports are files under DATA_DIR, at the same keys as in the S3 bucket. */
export class FilePublisher implements ReportPublisher {
  private readonly root: string;

  constructor(
    root: string,
    private readonly logger: AppLogger,
  ) {
    this.root = resolve(root);
  }

  async write(files: readonly ReportFile[]): Promise<void> {
    for (const f of files) {
      const path = this.pathOf(f.key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so that a reader never sees half a file; a name of its own per write,
      // so that two publishers in one process (the schedule and a manual publish) cannot collide.
      const tmp = `${path}.${randomUUID()}.tmp`;
      await writeFile(tmp, f.body, typeof f.body === 'string' ? 'utf8' : null);
      await rename(tmp, path);
    }
  }

  async read(key: string): Promise<string | null> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async readBytes(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async notify(subject: string, message: string): Promise<void> {
    this.logger.info('report published', { subject });
    const path = this.pathOf('reports/notices.log');
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${new Date().toISOString()} ${subject}\n${message}\n\n`, 'utf8');
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`key outside the data folder: ${key}`);
    return path;
  }
}
