import { describe, expect, it } from 'vitest';
import { hotp, stepAt, totp } from '../../../functions/core/presence/totp';

// RFC 6238, Appendix B: the seeds are ASCII "1234567890" repeated to the hash's length.
const seed = (bytes: number) => Buffer.from('1234567890'.repeat(7).slice(0, bytes), 'ascii');
const SEEDS = { sha1: seed(20), sha256: seed(32), sha512: seed(64) } as const;

const VECTORS: [number, string, keyof typeof SEEDS, string][] = [
  [59, '1970-01-01T00:00:59Z', 'sha1', '94287082'],
  [59, '1970-01-01T00:00:59Z', 'sha256', '46119246'],
  [59, '1970-01-01T00:00:59Z', 'sha512', '90693936'],
  [1111111109, '2005-03-18T01:58:29Z', 'sha1', '07081804'],
  [1111111109, '2005-03-18T01:58:29Z', 'sha256', '68084774'],
  [1111111109, '2005-03-18T01:58:29Z', 'sha512', '25091201'],
  [1111111111, '2005-03-18T01:58:31Z', 'sha1', '14050471'],
  [1111111111, '2005-03-18T01:58:31Z', 'sha256', '67062674'],
  [1111111111, '2005-03-18T01:58:31Z', 'sha512', '99943326'],
  [1234567890, '2009-02-13T23:31:30Z', 'sha1', '89005924'],
  [1234567890, '2009-02-13T23:31:30Z', 'sha256', '91819424'],
  [1234567890, '2009-02-13T23:31:30Z', 'sha512', '93441116'],
  [2000000000, '2033-05-18T03:33:20Z', 'sha1', '69279037'],
  [2000000000, '2033-05-18T03:33:20Z', 'sha256', '90698825'],
  [2000000000, '2033-05-18T03:33:20Z', 'sha512', '38618901'],
  [20000000000, '2603-10-11T11:33:20Z', 'sha1', '65353130'],
  [20000000000, '2603-10-11T11:33:20Z', 'sha256', '77737706'],
  [20000000000, '2603-10-11T11:33:20Z', 'sha512', '47863826'],
];

describe('RFC 6238 TOTP', () => {
  it.each(VECTORS)('T=%i (%s) %s → %s', (t, iso, algorithm, want) => {
    expect(Date.parse(iso)).toBe(t * 1000);
    expect(totp(SEEDS[algorithm], t * 1000, { digits: 8, algorithm })).toBe(want);
  });

  it('is RFC 4226 HOTP over the step (Appendix D vectors, counters 0–9)', () => {
    const want = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(want.map((_, i) => hotp(seed(20), i))).toEqual(want);
  });

  it('steps every 30 s, and 6 digits keep their leading zeros', () => {
    expect(stepAt(59_999)).toBe(1);
    expect(stepAt(60_000)).toBe(2);
    // T=1111111109 with SHA-1 is 07081804 in 8 digits: 081804 in 6.
    expect(totp(seed(20), 1111111109 * 1000)).toBe('081804');
  });
});
