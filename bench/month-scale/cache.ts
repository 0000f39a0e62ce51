import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type MonthSeeded, seedMonth } from './seed-disk';

/** Where seeded stores are kept between runs (gitignored): one pristine folder per size. */
export const CACHE = resolve(process.env.BENCH_CACHE ?? '.bench-cache');
/** Bump when seed-disk.ts changes what it writes, so that an old cache is not reused. */
const SEED_VERSION = 1;

/**
 * The seeded store for `size` under the cache, seeded now if it is missing; `seeded.json` beside
 * it is written last, so a seeding that was cut short is never taken for a whole one.
 */
export async function seededStore(
  size: number,
  days = 22,
): Promise<{ path: string; seeded: MonthSeeded; reused: boolean }> {
  const dir = join(CACHE, `month-${size}${days === 22 ? '' : `-d${days}`}-v${SEED_VERSION}`);
  const path = join(dir, 'dynamodb');
  try {
    const seeded = JSON.parse(await readFile(join(dir, 'seeded.json'), 'utf8')) as MonthSeeded;
    return { path, seeded, reused: true };
  } catch {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const seeded = await seedMonth(path, size, days);
    await writeFile(join(dir, 'seeded.json'), `${JSON.stringify(seeded)}\n`);
    return { path, seeded, reused: false };
  }
}

/** A working copy of a pristine store (the benchmark publishes into it). */
export async function workingCopy(pristine: string, into: string): Promise<string> {
  await rm(into, { recursive: true, force: true });
  await cp(pristine, into, { recursive: true });
  return into;
}

/** "250000:5" → 250,000 employees, the month's first 5 workdays; "10000" → all 22. */
export function parseSize(spec: string): { size: number; days: number } {
  const [size, days] = spec.split(':').map(Number);
  return { size: size!, days: days ?? 22 };
}

// `node --import tsx bench/month-scale/cache.ts 10000 100000 250000:5`: seed the cache ahead of a run.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const spec of process.argv.slice(2)) {
    const { size, days } = parseSize(spec);
    const s = await seededStore(size, days);
    process.stdout.write(
      `${JSON.stringify({ size, reused: s.reused, items: s.seeded.items, levelEntries: s.seeded.levelEntries, s: Math.round(s.seeded.ms / 1000) })}\n`,
    );
  }
}
