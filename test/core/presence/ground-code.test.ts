import { describe, expect, it } from 'vitest';
import { currentCode, judgeCode, matchCode } from '../../../functions/core/presence/ground-code';
import { totp } from '../../../functions/core/presence/totp';

const secret = new Uint8Array(Buffer.from('a ground secret, 20b'));
const other = new Uint8Array(Buffer.from('another ground 20 by'));
const T = Date.parse('2026-11-27T00:12:10Z'); // 10 s into a step
const at = (ms: number) => new Date(ms);
const codeAt = (ms: number, s = secret) => totp(s, ms);

describe('the ground code', () => {
  it('the kiosk shows the step’s code, valid until the step ends', () => {
    const c = currentCode(secret, at(T));
    expect(c.code).toMatch(/^\d{6}$/);
    expect(c.code).toBe(codeAt(T));
    expect(c.validUntil).toBe('2026-11-27T00:12:30.000Z');
  });

  it('accepts the current and the previous step: a clock up to one step behind', () => {
    expect(matchCode(secret, codeAt(T), at(T))).toEqual({ step: Math.floor(T / 30_000) });
    expect(matchCode(secret, codeAt(T - 30_000), at(T))).toEqual({
      step: Math.floor(T / 30_000) - 1,
    });
  });

  it('refuses a code two steps old as stale, and the next step’s code as wrong', () => {
    expect(matchCode(secret, codeAt(T - 60_000), at(T))).toEqual({ problem: 'stale' });
    // A kiosk cannot show a future code (it asks the server), so one is not accepted.
    const next = codeAt(T + 30_000);
    if (next !== codeAt(T) && next !== codeAt(T - 30_000)) {
      expect(matchCode(secret, next, at(T))).toEqual({ problem: 'wrong' });
    }
  });

  it('refuses another ground’s code and malformed input', () => {
    const foreign = codeAt(T, other);
    if (foreign !== codeAt(T) && foreign !== codeAt(T - 30_000)) {
      expect(matchCode(secret, foreign, at(T))).toMatchObject({ problem: expect.any(String) });
    }
    expect(matchCode(secret, '12345', at(T))).toEqual({ problem: 'malformed' });
    expect(matchCode(secret, '１２３４５６', at(T))).toEqual({ problem: 'malformed' });
  });

  it('off ignores the code, flag flags its absence, require refuses it', () => {
    expect(judgeCode('g', { mode: 'off', secret }, undefined, at(T))).toEqual({ kind: 'none' });
    expect(judgeCode('g', null, '000000', at(T))).toEqual({ kind: 'none' });
    expect(judgeCode('g', { mode: 'flag', secret }, undefined, at(T))).toEqual({
      kind: 'flag',
      flag: 'no_code',
    });
    expect(() => judgeCode('g', { mode: 'require', secret }, undefined, at(T))).toThrow(
      expect.objectContaining({ code: 'CODE_REQUIRED' }),
    );
    expect(judgeCode('g', { mode: 'require', secret }, codeAt(T), at(T))).toEqual({
      kind: 'claim',
      step: Math.floor(T / 30_000),
    });
  });

  it('a wrong code is refused under flag too, and no code can be right before a secret exists', () => {
    const wrong = codeAt(T) === '000000' ? '000001' : '000000';
    expect(() => judgeCode('g', { mode: 'flag', secret }, wrong, at(T))).toThrow(
      expect.objectContaining({ code: 'CODE_INVALID' }),
    );
    expect(() => judgeCode('g', { mode: 'require', secret: null }, codeAt(T), at(T))).toThrow(
      expect.objectContaining({
        code: 'CODE_INVALID',
        details: { siteId: 'g', reason: 'no_code_at_ground' },
      }),
    );
  });
});

describe('the presence flags in review', () => {
  it('each integrity flag, the presence ones too, has a label and says what it shows and not', async () => {
    const { FLAG_EXPLANATIONS } = await import('../../../functions/core/integrity');
    const { LABELS } = await import('../../../functions/core/render/labels');
    for (const flag of ['no_code', 'unbound_device'] as const) {
      expect(FLAG_EXPLANATIONS[flag].id).toMatch(/tidak terbukti/);
      expect(FLAG_EXPLANATIONS[flag].en).toMatch(/nothing shows/);
      expect(LABELS.id.flagNames[flag]).toBeTruthy();
      expect(LABELS.en.flagNames[flag]).toBeTruthy();
    }
    for (const [flag, text] of Object.entries(FLAG_EXPLANATIONS)) {
      expect(text.id.length, flag).toBeGreaterThan(40);
      expect(text.en.length, flag).toBeGreaterThan(40);
    }
  });
});
