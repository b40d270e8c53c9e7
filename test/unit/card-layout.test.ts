/** The household card layout with a fake measurer (Han = 1 em, Latin = ½ em): fit, shrink to the floor, overflow. */
import { describe, expect, it } from 'vitest';
import { cardLayoutSchema, templateSchema } from '../../src/domain/schema/template.ts';
import { mm, type Box, type LaidPage } from '../../src/print/layout/boxes.ts';
import { CARD_SUBTITLE, layoutCard, type CardLine, type CardSpec } from '../../src/print/layout/card-layout.ts';
import type { CardRow } from '../../src/print/jobs/manifest.ts';
import { fakeMeasurer } from '../fake-measurer.ts';
import { overflowReport } from '../../src/print/run/print-stage.ts';

const m = fakeMeasurer();
const FLOOR = 8;

const back: CardLine[] = [
  { id: '点题渠道', label: '点题渠道', text: '意见箱、电话、现场、网站' },
  { id: '办公电话', label: '办公电话', text: '0000-6100002' },
  { id: '办公地址', label: '办公地址', text: '测试镇甲村村委会' },
  { id: '监督电话', label: '监督电话', text: '0000-6123456' },
];

function spec(lines: CardLine[], extra: Partial<CardSpec> = {}): CardSpec {
  return {
    widthMm: 90,
    heightMm: 54,
    layout: cardLayoutSchema.parse({ body_pt: 10, name_pt: 13, margin_mm: 4, line_height: 1.3 }),
    unitName: '甲村党支部',
    lines,
    backTitle: '想了解哪些党务，请点题',
    back,
    footer: '发布单位：中共测试县委组织部　更新日期：2026年11月20日',
    qrUrl: 'https://dwgk.example.cn/units/v-demo-a/',
    qrCaption: '扫码查看公开内容',
    bodyMinPt: FLOOR,
    bleedPt: mm(3),
    ...extra,
  };
}

const line = (i: number, chars: number): CardLine => ({ id: `v-demo-a/entry-${i}`, label: '党费', text: `第${i}条${'公'.repeat(Math.max(0, chars - 3))}` });
const texts = (p: LaidPage) => p.boxes.filter((b): b is Extract<Box, { kind: 'text' }> => b.kind === 'text');
const textOf = (p: LaidPage) =>
  texts(p)
    .map((b) => b.text)
    .join('');

/**
 * Every text box lies inside the card's safe area — the margin from the trim on all four
 * sides, band text included (a cut a millimetre off must not touch a character) — at or above
 * the floor size. Ink: from 0.88 em above the baseline to 0.12 em below it.
 */
function expectInside(p: LaidPage, margin: number) {
  for (const t of texts(p)) {
    const w = m.width(t.text, t.face, t.size) + t.spacing * ([...t.text].length - 1);
    expect(t.size, t.text).toBeGreaterThanOrEqual(FLOOR);
    expect(t.x, t.text).toBeGreaterThanOrEqual(margin - 1e-6);
    expect(t.x + w, t.text).toBeLessThanOrEqual(p.width - margin + 1e-6);
    expect(t.y - 0.88 * t.size, t.text).toBeGreaterThanOrEqual(margin - 1e-6);
    expect(t.y + 0.12 * t.size, t.text).toBeLessThanOrEqual(p.height - margin + 1e-6);
  }
}

describe('card layout', () => {
  it('fits a few short lines at the template size, the unit name centred in the band', () => {
    const r = layoutCard(spec([line(1, 12), line(2, 15), line(3, 10)]), m);
    expect(r.overflow).toBeUndefined();
    expect(r.bodyPt).toBe(10);
    for (const i of [1, 2, 3]) expect(textOf(r.front)).toContain(`第${i}条`);
    const name = texts(r.front).find((t) => t.text === '甲村党支部')!;
    expect(name.x + m.width(name.text, name.face, name.size) / 2).toBeCloseTo(r.front.width / 2, 6);
    expect(textOf(r.front)).toContain(CARD_SUBTITLE);
    expectInside(r.front, mm(4));
    // The band runs into the bleed on three sides.
    const band = r.front.boxes.find((b) => b.kind === 'rect')!;
    expect(band).toMatchObject({ x: -mm(3), y: -mm(3), w: r.front.width + 2 * mm(3) });
  });

  it('lays out the back: every item, the supervision phone, the QR code and the footer, inside the trim', () => {
    const r = layoutCard(spec([line(1, 12)]), m);
    const t = textOf(r.back);
    for (const b of back) expect(t).toContain(b.text);
    expect(t).toContain('发布单位：中共测试县委组织部');
    const qr = r.back.boxes.find((b) => b.kind === 'qr')!;
    expect(qr).toMatchObject({ url: 'https://dwgk.example.cn/units/v-demo-a/' });
    if (qr.kind === 'qr') expect(qr.x + qr.size).toBeLessThanOrEqual(r.back.width - mm(4) + 1e-6);
    expectInside(r.back, mm(4));
    // No text runs into the QR code (its caption is below it): text beside it ends before it.
    for (const b of texts(r.back)) {
      if (qr.kind !== 'qr' || b.y < qr.y || b.y - 0.88 * b.size >= qr.y + qr.size - 1e-6) continue;
      expect(b.x + m.width(b.text, b.face, b.size) <= qr.x || b.x >= qr.x - 1e-6, b.text).toBe(true);
    }
  });

  it('shrinks the body towards the floor until everything fits, never below it', () => {
    // Five lines that wrap at 10 pt but fit at a smaller size.
    const lines = [1, 2, 3, 4, 5].map((i) => line(i, 22));
    const big = layoutCard(spec(lines), m);
    expect(big.overflow).toBeUndefined();
    expect(big.bodyPt).toBeLessThan(10);
    expect(big.bodyPt).toBeGreaterThanOrEqual(FLOOR);
    for (const l of lines) expect(textOf(big.front)).toContain(l.text.slice(0, 3));
    expectInside(big.front, mm(4));
  });

  it('at the floor, prints the lines that fit and names every entry left off; nothing is clipped', () => {
    const lines = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => line(i, 40));
    const r = layoutCard(spec(lines), m);
    expect(r.bodyPt).toBe(FLOOR);
    expect(r.overflow!.entries.length).toBeGreaterThan(0);
    // The ones left off are the last in priority order, and none of their text is printed.
    const printed = lines.filter((l) => !r.overflow!.entries.includes(l.id));
    expect(r.overflow!.entries).toEqual(lines.slice(printed.length).map((l) => l.id));
    expect(printed.length).toBeGreaterThan(0);
    for (const l of lines) expect(textOf(r.front).includes(`第${l.id.slice(-1)}条`)).toBe(printed.includes(l));
    expectInside(r.front, mm(4));

    const row: CardRow = {
      unit: 'v-demo-a',
      unit_name: '甲村党支部',
      template: 'card',
      pdf: 'print/cards/v-demo-a.pdf',
      preview: 'print/cards/v-demo-a.png',
      single: 'print/cards/v-demo-a-single.pdf',
      trim_mm: '90×54',
      bleed_mm: 3,
      sheet: 'A4',
      landscape: false,
      per_sheet: 8,
      spare_percent: 5,
      body_pt: r.bodyPt,
      sha256: '',
      entries: printed.map((l) => l.id),
      changed: true,
      overflow: r.overflow!,
      delivery_to: '测试镇',
      delivery_address: '测试镇人民路1号',
    };
    const [report] = overflowReport({ boards: [], cards: [row] });
    expect(report).toContain('明白卡 v-demo-a（甲村党支部）');
    for (const id of r.overflow!.entries) expect(report).toContain(id);
  });

  it('names a back item that does not fit at the floor instead of cutting it', () => {
    const long = { id: '办公地址', label: '办公地址', text: '测试县'.repeat(40) };
    const r = layoutCard(spec([line(1, 10)], { back: [back[0]!, long, back[3]!] }), m);
    expect(r.overflow!.back).toContain('办公地址');
    expect(r.overflow!.entries).toEqual([]);
    expect(textOf(r.back)).not.toContain('测试县测试县');
    expectInside(r.back, mm(4));
  });

  it('shrinks a long unit name onto one line, not below the floor', () => {
    const r = layoutCard(spec([line(1, 10)], { unitName: '中共示范县城市建设投资集团有限公司委员会' }), m);
    const name = texts(r.front).find((t) => t.text.startsWith('中共示范县'))!;
    expect(name.text).toBe('中共示范县城市建设投资集团有限公司委员会');
    expect(name.size).toBeLessThan(13);
    expect(name.size).toBeGreaterThanOrEqual(FLOOR);
    expectInside(r.front, mm(4));
  });
});

describe('card safe margin: an invariant over random cards of every card size', () => {
  const sizes = [
    [90, 54, { body_pt: 9.5, name_pt: 13, margin_mm: 4, line_height: 1.3, qr_mm: 19 }],
    [105, 148, { body_pt: 14, name_pt: 22, margin_mm: 6, line_height: 1.45, qr_mm: 32 }],
    [210, 99, { body_pt: 15, name_pt: 24, margin_mm: 7, line_height: 1.4, qr_mm: 34 }],
  ] as const;
  for (let seed = 1; seed <= 30; seed++) {
    it(`seed ${seed}: no text closer to the trim than the template's margin, none below the floor`, () => {
      let a = seed * 7919;
      const rand = (n: number) => (a = (a * 48271) % 2147483647) % n;
      const [w, h, layout] = sizes[seed % sizes.length]!;
      const lines = Array.from({ length: rand(9) }, (_, i) => line(i + 1, 4 + rand(60)));
      const s = spec(lines, {
        widthMm: w,
        heightMm: h,
        layout: cardLayoutSchema.parse(layout),
        unitName: `${'甲乙丙丁'.repeat(1 + rand(6))}村党支部`,
        qrCaption: rand(2) ? '扫码查看公开内容' : '扫描二维码查看本单位全部公开内容和点题办理情况',
        footer: `发布单位：中共测试县委组织部　更新日期：2026年11月20日${rand(2) ? '　监督电话：0000-6123456' : ''}`,
      });
      const r = layoutCard(s, m);
      expectInside(r.front, mm(layout.margin_mm));
      expectInside(r.back, mm(layout.margin_mm));
    });
  }
});

describe('card templates in the one template schema', () => {
  it('checks a card template’s layout block and fills the defaults', () => {
    const ok = templateSchema.parse({ name: '名片式明白卡', kind: 'card', width_mm: 90, height_mm: 54, layout: { body_pt: 9 } });
    expect(cardLayoutSchema.parse(ok.layout).max_entries).toBe(6);
    const bad = templateSchema.safeParse({ name: '明白卡', kind: 'card', width_mm: 90, height_mm: 54, layout: { body_pt: -1, channels: ['微信'] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['layout.body_pt', 'layout.channels.0']));
    const sheetOnBoard = templateSchema.safeParse({ name: '公开栏', kind: 'board', width_mm: 2400, height_mm: 1200, sheet: 'A4' });
    expect(sheetOnBoard.error!.issues[0]!.path).toEqual(['sheet']);
  });
});

describe('card type as prepress accepts it', () => {
  const cards = [
    spec([line(1, 12), line(2, 30), line(3, 8)]),
    spec([line(1, 60), line(2, 60), line(3, 60), line(4, 60)], { unitName: '中共示范县城关镇东门社区第二党支部委员会' }),
    spec([line(1, 10)], { widthMm: 105, heightMm: 148, layout: cardLayoutSchema.parse({ body_pt: 14, name_pt: 20 }) }),
    spec([], { layout: cardLayoutSchema.parse({ name_pt: 9 }) }),
  ];
  it('prints every text under 12 pt in solid black (K100) only, and reverses nothing under 10 pt out of the band', () => {
    for (const s of cards) {
      const r = layoutCard(s, m);
      for (const t of [...texts(r.front), ...texts(r.back)]) {
        const white = t.color.every((v) => v === 0);
        if (white) expect(t.size, `reversed ${t.text}`).toBeGreaterThanOrEqual(10);
        else if (t.size < 12) expect(t.color, `${t.size} pt ${t.text}`).toEqual([0, 0, 0, 100]);
      }
      // The subtitle is still there, at 10 pt or more.
      expect(texts(r.front).find((t) => t.text === CARD_SUBTITLE)!.size).toBeGreaterThanOrEqual(10);
    }
  });
});
