import fc from 'fast-check';
import { brokenJson, serialize } from './json';
import { mutated, oddKey, oddString } from './values';

/** encodeURIComponent refuses lone surrogates; a client's encoder sends U+FFFD's bytes instead. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Buffer.from(s, 'utf8').toString('hex').replace(/../g, '%$&');
  }
}

/**
 * A path segment: the valid value, or something odd but still one segment (the URL parser
 * would turn "..", "." or "" into another route, which tests the router, not the endpoint).
 */
export function segment(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const odd = fc.oneof(
    oddString.map(encode),
    fc.constantFrom('%ZZ', '%', '%00', '%2F', 'a%2Fb', '%C0%AE', 'x'.repeat(5_000), ' ', '*'),
  );
  return fc
    .oneof({ arbitrary: valid.map(encode), weight: 3 }, { arbitrary: odd, weight: 1 })
    .filter((s) => s.length > 0 && !/^(\.|%2e){1,2}$/i.test(s));
}

/**
 * A query string: the valid parameters (the specs make each one optional) with some values
 * changed, one repeated, extra ones added; or raw text that is barely a query string.
 */
export function queryString(valid: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<string> {
  const pairs = fc
    .tuple(
      valid,
      fc.array(fc.tuple(oddKey, oddString), { maxLength: 3 }),
      // Half the time every value stays valid, so that the request reaches the handler.
      fc.option(fc.array(fc.tuple(fc.nat(), oddString), { minLength: 1, maxLength: 2 }), {
        nil: [],
        freq: 2,
      }),
      fc.nat({ max: 7 }).map((n) => n === 0), // a parameter given twice, one time in eight
    )
    .map(([params, extra, changes, repeat]) => {
      const list: [string, string][] = Object.entries(params);
      for (const [at, value] of changes) {
        const slot = list[at % Math.max(1, list.length)];
        if (slot) slot[1] = value;
      }
      if (repeat && list[0]) list.push([list[0][0], list[0][1]]);
      list.push(...extra);
      return list.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    });
  const raw = fc.constantFrom('%', '&&==&', 'date', 'date[]=1', 'date=%E0%A4%A', '=x', '?', '#x');
  return fc
    .oneof({ arbitrary: pairs, weight: 4 }, { arbitrary: raw, weight: 1 })
    .map((q) => (q ? `?${q}` : ''));
}

/** Header values a client can really send: Latin-1, no CR, LF or NUL. */
const headerValue = fc
  .oneof(
    oddString,
    fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    fc.constantFrom('', 'en', 'id', 'en-US,en;q=0.9', '*', 'zz', 'en;q=abc', 'id-ID;q=1,en;q=0'),
  )
  .map((s) => s.replace(/[^\x20-\x7e\xa0-\xff\t]/g, '').slice(0, 4_000));

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  'APPLICATION/JSON',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  '',
  'application/json; charset=utf-16',
);

export interface FuzzHeaders {
  readonly contentType: string | null;
  readonly extra: Record<string, string>;
  /** Replace the right token with this value (null: leave the header out). */
  readonly authorization?: string | null;
}

/** Accept-Language, a request id, odd extra headers, sometimes a wrong Content-Type or token. */
export function headers(defaultType: string | null): fc.Arbitrary<FuzzHeaders> {
  const badAuth = fc.oneof(
    fc.constant(null),
    headerValue,
    fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer a.b.c', 'Bearer ..'),
    headerValue.map((v) => `Bearer ${v}`),
  );
  return fc.record(
    {
      // The right type four times in five.
      contentType: fc
        .tuple(fc.nat({ max: 4 }), fc.option(contentType))
        .map(([n, other]) => (n === 0 ? other : defaultType)),
      extra: fc.record(
        {
          'accept-language': headerValue,
          'x-request-id': headerValue,
          'x-forwarded-for': headerValue,
        },
        { requiredKeys: [] },
      ),
      authorization: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 9 },
        { arbitrary: badAuth, weight: 1 },
      ),
    },
    { requiredKeys: ['contentType', 'extra'] },
  );
}

/** A JSON body: the valid one changed a little (mostly), as it is, or broken text. */
export function jsonBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: mutated(valid).map(serialize), weight: 5 },
    { arbitrary: valid.map(serialize), weight: 3 },
    { arbitrary: brokenJson, weight: 1 },
  );
}
