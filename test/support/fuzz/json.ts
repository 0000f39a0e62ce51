import fc from 'fast-check';

/**
 * A piece of request text sent as it is: JSON's own serializer cannot write NaN, 1e999, a
 * trailing comma or 5,000 nested brackets, and those are what a hostile client sends.
 */
export class Raw {
  constructor(readonly text: string) {}
  toString() {
    return `Raw(${this.text.length > 60 ? `${this.text.slice(0, 60)}…` : this.text})`;
  }
}

/** JSON text of a generated value, with every Raw written verbatim. */
export function serialize(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value).map(
      (k) => `${JSON.stringify(k)}:${serialize((value as Record<string, unknown>)[k])}`,
    );
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A copy that keeps Raw nodes (structuredClone would turn them into plain objects). */
export function clone<T>(value: T): T {
  if (value instanceof Raw || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = clone((value as Record<string, unknown>)[k]);
  return out as T;
}

/** Number literals a JSON parser may read as Infinity, -0, a rounded integer — or refuse. */
export const numberLiteral = fc
  .constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-1e999',
    '1e-999',
    '-0',
    '123456789012345678901234567890',
    '0x10',
    '01',
    '.5',
    '1.',
    '+1',
    '1_000',
  )
  .map((t) => new Raw(t));

/** Nesting deep enough to break a recursive validator, and still under the 16 KiB body limit. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 2_500 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** Text that is not JSON at all, or only nearly. */
export const brokenJson = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '[',
    '{"lat":',
    '{"lat":1,}',
    "{'lat':1}",
    '{"lat":1}{"lat":2}',
    '{"lat":1,"lat":"x"}',
    'null',
    'true',
    '0',
    '"string"',
    '[]',
    '{}',
    '\uFEFF{}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    'undefined',
    '\u0000',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
