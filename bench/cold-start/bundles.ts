import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLE, SIDE_MODULES } from './esbuild-options';

export const HANDLERS_DIR = resolve('functions/handlers');
export const FLOOR_ENTRY = resolve('bench/cold-start/floor-handler.ts');
export const STAGES_ENTRY = resolve('bench/cold-start/stages-entry.ts');

/** As deployed (the CDK's options: the SDK left to the runtime), or with the SDK bundled in. */
export type Variant = 'deployed' | 'sdk-bundled';

export interface Bundle {
  readonly name: string;
  readonly variant: Variant;
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/** Every Lambda entry point: each .ts file in functions/handlers/, so new ones are picked up. */
export function handlerEntries(): { name: string; entry: string }[] {
  return readdirSync(HANDLERS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => ({ name: f.replace(/\.ts$/, ''), entry: join(HANDLERS_DIR, f) }));
}

export async function bundle(
  name: string,
  entry: string,
  variant: Variant,
  outDir: string,
): Promise<Bundle> {
  const file = join(outDir, `${name}.${variant}.cjs`);
  const r = await build({
    ...LAMBDA_BUNDLE,
    entryPoints: [entry],
    outfile: file,
    metafile: true,
    ...(variant === 'sdk-bundled' ? { external: SIDE_MODULES } : {}),
  });
  const code = await readFile(file);
  return {
    name,
    variant,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    metafile: r.metafile,
  };
}

/** Bytes in the output by package (or "our code"), largest first. */
export function bytesByPackage(b: Bundle): [string, number][] {
  const out = Object.entries(b.metafile.outputs).find(([f]) => !f.endsWith('.map'))?.[1];
  const by = new Map<string, number>();
  for (const [path, input] of Object.entries(out?.inputs ?? {})) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m?.[1] ?? (path.includes('bench/') ? 'bench code' : 'our code (functions/)');
    by.set(key, (by.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...by].sort((a, b) => b[1] - a[1]);
}
