import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The documents people read: README.md, BENCHMARKS.md, RELIABILITY.md and docs/. */
const ROOT = process.cwd();
const DOCS = [
  'README.md',
  'BENCHMARKS.md',
  'RELIABILITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
}

/** Relative Markdown links and image sources, outside code blocks. */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^ *```[\s\S]*?^ *```/gm, '');
  const md = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  const img = [...text.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...md, ...img].filter((l) => !/^[a-z]+:/.test(l));
}

describe('the documents', () => {
  it.each(DOCS)('%s: every relative link and anchor resolves', (doc) => {
    const broken: string[] = [];
    for (const link of links(join(ROOT, doc))) {
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(ROOT, doc) : resolve(dirname(join(ROOT, doc)), path);
      if (!existsSync(target)) broken.push(`${link} (no ${relative(ROOT, target)})`);
      else if (anchor && statSync(target).isFile() && !anchors(target).has(anchor)) {
        broken.push(`${link} (no heading #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s: no link to a document that is not in the repository', (doc) => {
    // DESIGN.md and TOOLCHAIN.md were the project's working notes; what they said is in docs/.
    const text = readFileSync(join(ROOT, doc), 'utf8');
    expect(text).not.toMatch(/\]\([^)]*(DESIGN|TOOLCHAIN)\.md/);
  });

  it('the guides’ pictures are small', () => {
    const img = join(ROOT, 'docs/img');
    for (const f of readdirSync(img)) {
      expect(statSync(join(img, f)).size, f).toBeLessThan(60 * 1024);
    }
  });
});
