import { describe, expect, it } from 'vitest';
import { subsetTag } from '../../src/print/render/subset-tag.ts';

describe('subsetTag', () => {
  it('is six capitals, the same for the same glyphs in the same order', () => {
    expect(subsetTag('NotoSansSC-Bold', [0, 5, 9])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('NotoSansSC-Bold', [0, 5, 9])).toBe(subsetTag('NotoSansSC-Bold', [0, 5, 9]));
  });

  it('changes with another glyph, another order (other character codes) or another font', () => {
    const tag = subsetTag('NotoSansSC-Bold', [0, 5, 9]);
    expect(subsetTag('NotoSansSC-Bold', [0, 5, 10])).not.toBe(tag);
    expect(subsetTag('NotoSansSC-Bold', [0, 9, 5])).not.toBe(tag);
    expect(subsetTag('NotoSansSC-Bold', [0, 5, 9, 12])).not.toBe(tag);
    expect(subsetTag('NotoSerifSC-Regular', [0, 5, 9])).not.toBe(tag);
  });

  it('spreads over the alphabet: a thousand glyph sets, no two tags alike', () => {
    const seen = new Set<string>();
    for (let i = 1; i <= 1000; i++) seen.add(subsetTag('NotoSansSC-Medium', [0, i, i + 7]));
    expect(seen.size).toBe(1000);
  });
});
