import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  API_DOC,
  END,
  openApiDocument,
  routeTable,
  START,
  withRouteTable,
} from '../../scripts/api-doc';

describe('docs/api.md route table', () => {
  it('matches the OpenAPI document the app serves (else: npm run docs:api)', async () => {
    const doc = await openApiDocument();
    const committed = await readFile(API_DOC, 'utf8');
    expect(committed, 'docs/api.md is stale: run npm run docs:api').toBe(
      withRouteTable(committed, routeTable(doc)),
    );
    // Every documented operation has its row: the table is the document, not a subset.
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    const rows = committed.slice(committed.indexOf(START), committed.indexOf(END)).split('\n');
    expect(rows.filter((r) => /^\| (GET|PUT|POST|PATCH|DELETE) \|/.test(r))).toHaveLength(
      operations.length,
    );
  }, 30_000);

  it('replaces only what lies between the markers', () => {
    const md = `# A\n\nbefore\n${START}\nold rows\n${END}\nafter\n`;
    expect(withRouteTable(md, '| new |')).toBe(`# A\n\nbefore\n${START}\n| new |\n${END}\nafter\n`);
    expect(() => withRouteTable('no markers', '| x |')).toThrow(/markers/);
  });
});
