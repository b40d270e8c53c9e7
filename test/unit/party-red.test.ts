import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../src/domain/schema/site.ts';
import { cardLayoutSchema, PARTY_RED, templateSchema, withPartyRed, type Template } from '../../src/domain/schema/template.ts';
import { boardLayoutSchema } from '../../src/print/layout/template-layout.ts';

const board = (layout: Record<string, unknown>): Template => templateSchema.parse({ name: '村', kind: 'board', width_mm: 2400, height_mm: 1200, layout });
const card = (layout: Record<string, unknown>): Template => templateSchema.parse({ name: '卡', kind: 'card', width_mm: 90, height_mm: 54, layout });
const SITE = { county: '示范县', title: '示范县党务公开网', base_url: 'https://x.example.cn/', publisher: '组织部', supervision_phone: '0000-6123456' };

describe('party red', () => {
  it('is M100 Y100 unless site.yaml says otherwise', () => {
    expect(PARTY_RED).toEqual([0, 100, 100, 0]);
    expect(siteSchema.parse(SITE).print.party_red).toEqual([0, 100, 100, 0]);
    expect(siteSchema.parse({ ...SITE, print: { party_red: [0, 90, 90, 0] } }).print.party_red).toEqual([0, 90, 90, 0]);
  });

  it('replaces party-red and a missing colour, never a template’s own CMYK', () => {
    const red = [0, 95, 90, 5];
    const header = (t: Template) => boardLayoutSchema.parse(withPartyRed(t, red).layout).header.color;
    expect(header(board({ header: { color: 'party-red' } }))).toEqual(red);
    expect(header(board({ header: { height_mm: 150 } }))).toEqual(red);
    expect(header(board({}))).toEqual(red);
    expect(header(board({ header: { color: [0, 80, 80, 0] } }))).toEqual([0, 80, 80, 0]);
    const band = (t: Template) => cardLayoutSchema.parse(withPartyRed(t, red).layout).color;
    expect(band(card({ color: 'party-red' }))).toEqual(red);
    expect(band(card({}))).toEqual(red);
    expect(band(card({ color: [10, 100, 100, 0] }))).toEqual([10, 100, 100, 0]);
  });

  it('a template parsed on its own gets the default red; a colour that is neither is refused in Chinese', () => {
    expect(boardLayoutSchema.parse({ header: { color: 'party-red' } }).header.color).toEqual([0, 100, 100, 0]);
    expect(boardLayoutSchema.parse({}).header.color).toEqual([0, 100, 100, 0]);
    const r = templateSchema.safeParse({ name: '卡', kind: 'card', width_mm: 90, height_mm: 54, layout: { color: 'red' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('party-red');
  });
});
