/**
 * The QR encoder (src/domain/qr-code.ts) against the codes the site, boards, cards and share
 * pictures carried before it: test/fixtures/qr-codes.json holds matrices and SVGs made by the
 * `qrcode` package (1.5.4) for addresses of the demo county — ten whose mask lean-qr alone
 * would choose otherwise, six it splits into byte and alphanumeric segments, six plain ones, two from
 * other counties, one with Chinese text (UTF-8 bytes, no ECI) and one with a numeric segment — so a change of encoder, mask rule or segmentation fails here, not
 * on a printed board. Each code is also scanned back by jsQR.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { maskPenalty, qrMatrix, qrSize, qrSvg } from '../../src/domain/qr-code.ts';
import { ROOT } from '../helpers.ts';

interface Expected {
  codes: { url: string; version: number; mask: number; rows: string[] }[];
  svgs: { url: string; margin: number; svg: string }[];
}
const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/qr-codes.json'), 'utf8')) as Expected;
const jsQR = jsQRModule.default;

/** The matrix as rows of 0/1, the way the fixture writes each row (hexadecimal, leading zeros dropped). */
const rowsOf = (url: string) => {
  const q = qrMatrix(url);
  return Array.from({ length: q.size }, (_, r) => {
    let bits = '';
    for (let c = 0; c < q.size; c++) bits += q.dark(r, c) ? '1' : '0';
    return BigInt(`0b${bits}`).toString(16);
  });
};

/** The code drawn at 4 pixels a module with a 4-module quiet zone, as RGBA for jsQR. */
function raster(url: string): { rgba: Uint8ClampedArray; side: number } {
  const q = qrMatrix(url);
  const side = (q.size + 8) * 4;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / 4) - 4;
      const c = Math.floor(x / 4) - 4;
      if (r >= 0 && c >= 0 && r < q.size && c < q.size && q.dark(r, c)) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  return { rgba, side };
}

describe('QR codes', () => {
  it.each(expected.codes.map((c) => [c.url, c] as const))('%s: the same modules as the codes printed before', (url, code) => {
    expect(rowsOf(url)).toEqual(code.rows);
    expect(qrSize(url)).toBe(17 + 4 * code.version);
    const { rgba, side } = raster(url);
    expect(jsQR(rgba, side, side)?.data).toBe(url);
  });

  it.each(expected.svgs.map((s) => [s.url, s] as const))('%s: the same SVG as the pages carried before', (url, s) => {
    expect(qrSvg(url, s.margin)).toBe(s.svg);
  });

  it('scores a symbol by the four penalty rules', () => {
    // A symbol of one colour scores every rule: runs, blocks and a dark share of 100 %.
    const n = 21;
    const black = new Uint8Array(n * n).fill(1);
    expect(maskPenalty(black, n)).toBe(2 * n * (3 + n - 5) + 3 * (n - 1) ** 2 + 10 * 10);
  });
});
