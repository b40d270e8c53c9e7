import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode-text.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('accepts UTF-8 and strips a BOM', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('title: 标题\n')]);
    expect(decodeText(bom)).toEqual({ ok: true, text: 'title: 标题\n' });
  });
  it('normalises CRLF and lone CR line ends', () => {
    expect(decodeText(enc('a\r\nb\rc\n'))).toEqual({ ok: true, text: 'a\nb\nc\n' });
  });
  it('names GBK/GB18030 files instead of mis-decoding them', () => {
    // “党务公开” saved by Notepad as ANSI on a Chinese system.
    const gbk = new Uint8Array([0xb5, 0xb3, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa]);
    const r = decodeText(gbk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.code).toBe('encoding-gbk');
      expect(r.finding.message).toContain('GBK');
      expect(r.finding.hint).toContain('UTF-8');
    }
  });
  it('names UTF-16, binary and empty files', () => {
    const code = (b: Uint8Array) => {
      const r = decodeText(b);
      return r.ok ? 'ok' : r.finding.code;
    };
    expect(code(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('encoding-utf16');
    expect(code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe('binary-file');
    expect(code(new Uint8Array([]))).toBe('empty-file');
    expect(code(enc('  \n\n'))).toBe('empty-file');
  });
});
