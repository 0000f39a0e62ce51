import { describe, expect, it } from 'vitest';
import { codeIn } from '../../../../../functions/http/pages/checkin/client/scan';

describe('the ground code a scan or a link carries', () => {
  it('reads the kiosk link, its hash alone, and six digits alone', () => {
    expect(codeIn('https://apel.medan.go.id/#kode=048972')).toBe('048972');
    expect(codeIn('kode=048972')).toBe('048972');
    expect(codeIn(' 048972 ')).toBe('048972');
    expect(codeIn('https://x.example/?a=1&kode=123456&b=2')).toBe('123456');
  });

  it('reads nothing else: other QR codes, seven digits, a code in the middle of text', () => {
    expect(codeIn('https://example.com/')).toBeNull();
    expect(codeIn('#kode=1234567')).toBeNull();
    expect(codeIn('1234567')).toBeNull();
    expect(codeIn('call 123456 now')).toBeNull();
    expect(codeIn('')).toBeNull();
  });
});
