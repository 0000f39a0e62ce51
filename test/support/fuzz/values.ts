import fc from 'fast-check';
import { clone, deepNesting, numberLiteral, Raw, serialize } from './json';

/** Strings that have broken parsers, key builders and templates before. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '\u0000',
    '\u202eevil',
    '\uFEFF',
    '\u200b',
    '\ud800',
    '\udfff',
    'a\ud83d',
    '𝕒𝕡𝕖𝕝 🇮🇩',
    'İıŞş',
    'null',
    'undefined',
    'NaN',
    'true',
    '0',
    '-1',
    '1e309',
    '../../etc/passwd',
    '%00',
    '%ZZ',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style payload, on purpose
    '${jndi:ldap://x}',
    '__proto__',
    'constructor',
    'EMP#demo-001',
    'demo-001#CHECKIN',
    'DAY#2026-11-27#CHECKIN',
  ),
  // Long: past every maxLength, and past the 16 KiB body limit.
  fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('x', 'é', '𝕒', '\u0000'))
    .map(([n, c]) => c.repeat(n)),
);

/** Numbers at the edges: NaN and infinities (JSON writes them as null), -0, huge, tiny. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    1e308,
    -1e308,
    5e-324,
    2 ** 53 + 1,
    -(2 ** 63),
    90.0000001,
    -180.5,
    1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);

/** Names for extra fields: ones the app might trust, and ones that poison prototypes. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'employeeId',
    'admin',
    'sub',
    'pk',
    'sk',
    'date',
    'status',
    'toString',
    '',
  ),
  oddString.filter((s) => s.length < 64),
);

/** Any value a client might put where the schema wants something else. */
export const wildValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddString,
    oddNumber,
    fc.boolean(),
    fc.constant(null),
    numberLiteral,
    deepNesting,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

/** Every (container, key) of a value, breadth first, at most `limit` of them. */
function slotsOf(root: unknown, limit = 400): Slot[] {
  const slots: Slot[] = [];
  const queue: unknown[] = [root];
  while (queue.length > 0 && slots.length < limit) {
    const node = queue.shift();
    if (node instanceof Raw || node === null || typeof node !== 'object') continue;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      slots.push({ parent: node as Container, key });
      queue.push((node as Record<string | number, unknown>)[key]);
    }
  }
  return slots;
}

function containersOf(root: unknown): Container[] {
  const out: Container[] = [];
  if (root !== null && typeof root === 'object' && !(root instanceof Raw))
    out.push(root as Container);
  for (const s of slotsOf(root)) {
    const v = (s.parent as Record<string | number, unknown>)[s.key];
    if (v !== null && typeof v === 'object' && !(v instanceof Raw)) out.push(v as Container);
  }
  return out;
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: wildValue }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: oddKey, value: wildValue }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), how: fc.nat({ max: 3 }) }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const get = (s: Slot) => (s.parent as Record<string | number, unknown>)[s.key];
const put = (s: Slot, v: unknown) => {
  (s.parent as Record<string | number, unknown>)[s.key] = v;
};

/** Change one thing in a (copied) value: drop, replace, add, swap two fields, or retype one. */
export function applyMutation(value: unknown, m: Mutation): unknown {
  const slots = slotsOf(value);
  const slot = slots[m.at % Math.max(1, slots.length)];
  switch (m.op) {
    case 'drop':
      if (!slot) return value;
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete slot.parent[slot.key as string];
      return value;
    case 'set':
      if (!slot) return m.value;
      put(slot, m.value);
      return value;
    case 'add': {
      const targets = containersOf(value);
      const target = targets[m.at % Math.max(1, targets.length)];
      if (!target) return value;
      if (Array.isArray(target)) target.push(m.value);
      // defineProperty, so that "__proto__" becomes an own field as JSON.parse would make it.
      else
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return value;
    }
    case 'swap': {
      // Latitude for longitude, a name for a date: two fields change places.
      const other = slots[m.to % Math.max(1, slots.length)];
      if (!slot || !other) return value;
      const a = get(slot);
      put(slot, get(other));
      put(other, a);
      return value;
    }
    case 'retype': {
      if (!slot) return value;
      const v = get(slot);
      const text = v !== null && typeof v === 'object' ? serialize(v) : String(v);
      const as = [text, [v], { value: v }, v === null ? 0 : null][m.how];
      put(slot, as);
      return value;
    }
  }
}

/** A valid value with one to three things changed: the inputs that reach deepest. */
export function mutated<T>(valid: fc.Arbitrary<T>, maxMutations = 3): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([base, ms]) => ms.reduce<unknown>((v, m) => applyMutation(v, m), clone(base)));
}
