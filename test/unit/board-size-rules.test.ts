/**
 * A board size that would scale a template under the legibility floor (a typo such as
 * 2400×120) is an error in `check`, with the likely typo named; ordinary sizes with a nearby
 * template (2440×1220, 800×600) pass.
 */
import { describe, expect, it } from 'vitest';
import { checkBoardSizes, likelyTypo } from '../../src/domain/rules/board-size-rules.ts';
import { boardSchema } from '../../src/domain/schema/board.ts';
import { load, MINI } from '../helpers.ts';

const { project } = load(MINI);
const board = (width_mm: number, height_mm: number, template = 'village') =>
  boardSchema.parse({ id: 'b-x', unit: 'v-demo-a', template, location: '村部', width_mm, height_mm });
const check = (w: number, h: number, template?: string) => checkBoardSizes([board(w, h, template)], project!.templates, project!.site);

describe('board sizes against the templates', () => {
  it('a size off by a digit is an error naming what the scale does and the likely size', () => {
    const [f] = check(2400, 120);
    expect(f?.severity).toBe('error');
    expect(f?.code).toBe('board-size-illegible');
    expect(f?.message).toContain('标题只有 14.7 磅（不能小于 28 磅）');
    expect(f?.message).toMatch(/二维码每格只有 0\.\d+ 毫米/);
    expect(f?.hint).toContain('高度 120 很可能是 1200（少写了一位），即 2400×1200');
    expect(f?.path).toEqual([0, 'height_mm']);
    expect(check(9600, 4800)).toHaveLength(0); // larger: scaled up, nothing under the floor
    expect(check(240, 1200)[0]?.hint).toContain('宽度 240 很可能是 2400');
  });

  it('sizes near a template, or a template’s own, pass', () => {
    expect(check(2440, 1220)).toEqual([]);
    expect(check(800, 600, 'small')).toEqual([]);
    expect(check(1200, 900, 'small')).toEqual([]);
    expect(check(2000, 1000)).toEqual([]);
  });

  it('names a typo only one digit away', () => {
    expect(likelyTypo(2400, 1300, [[2400, 1200]])).toContain('有一位写错了');
    expect(likelyTypo(2400, 12000, [[2400, 1200]])).toContain('多写了一位');
    expect(likelyTypo(500, 400, [[2400, 1200]])).toBeUndefined();
  });
});
