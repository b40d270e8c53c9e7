/**
 * The county's party red and its own ICC profile, end to end: site.yaml's print block reaches
 * the fill operators of a board and a card sheet and the PDF's OutputIntent; a profile that
 * cannot serve is reported by check, naming site.yaml. The profile used is libvips' CMYK
 * output profile (public domain), taken from a JPEG that sharp writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyMini, load, MINI, put, tempDirs } from '../helpers.ts';
import { prepareImages } from '../../src/print/render/render-pdf.ts';
import { printSome } from '../print-helpers.ts';

const dir = tempDirs('gongkai-colour-');
const require = createRequire(import.meta.url);

/** A copy of the mini county in <root>/content with the settings of `print` added to the print block its site.yaml ends with. */
function county(print: string): { root: string; content: string } {
  const root = dir();
  const content = copyMini(join(root, 'content'));
  const site = join(content, 'site.yaml');
  const text = readFileSync(site, 'utf8').trimEnd();
  expect(text).toMatch(/\nprint:(?:\n {2}[^\n]*)+$/);
  writeFileSync(site, `${text}\n${print.replace(/^print:\n/, '')}\n`);
  return { root, content };
}

/** Every page's content streams, inflated, joined. */
async function pageOps(file: string): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc
    .getPages()
    .flatMap((p) => {
      const c = p.node.lookup(PDFName.of('Contents'));
      return c instanceof PDFArray ? c.asArray().map((r) => doc.context.lookup(r)) : [c];
    })
    .map((s) => inflateSync((s as PDFRawStream).contents).toString('latin1'))
    .join('\n');
}

async function outputIntent(file: string) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
  const ref = intent.lookup(PDFName.of('DestOutputProfile'));
  const profile = ref instanceof PDFRawStream ? ref : undefined;
  return {
    condition: intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText(),
    info: intent.lookup(PDFName.of('Info'), PDFString).decodeText(),
    registry: intent.lookupMaybe(PDFName.of('RegistryName'), PDFString)?.decodeText(),
    n: profile?.dict.lookup(PDFName.of('N'), PDFNumber).asNumber(),
    profile: profile && (profile.dict.has(PDFName.of('Filter')) ? inflateSync(profile.contents) : Buffer.from(profile.contents)),
  };
}

const print = async (content: string) => {
  const out = dir();
  await printSome(content, out, dir(), ['b-v-demo-a'], ['v-demo-a']);
  return { board: join(out, 'print/boards/b-v-demo-a.pdf'), card: join(out, 'print/cards/v-demo-a.pdf') };
};

let profile: Buffer;
beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#c00' } })
    .toColourspace('cmyk')
    .withIccProfile('cmyk')
    .jpeg()
    .toBuffer();
  profile = (await sharp(jpeg).metadata()).icc!;
});

describe('party red', () => {
  it('defaults to M100 Y100 in the board header and the card band', async () => {
    const { content } = county('');
    const { board, card } = await print(content);
    expect(await pageOps(board)).toMatch(/^0 1 1 0 scn$/m);
    expect(await pageOps(card)).toMatch(/^0 1 1 0 scn$/m);
    expect(await pageOps(board)).not.toMatch(/^0 0\.8 0\.8 0 scn$/m);
  }, 60_000);

  it('is the county’s where templates write party-red', async () => {
    const { content } = county('print:\n  party_red: [0, 95, 90, 5]');
    const { project } = load(content);
    expect(project!.templates.get('village')!.layout.header).toMatchObject({ color: [0, 95, 90, 5] });
    expect(project!.templates.get('card')!.layout.color).toEqual([0, 95, 90, 5]);
    const { board, card } = await print(content);
    expect(await pageOps(board)).toMatch(/^0 0\.95 0\.9 0\.05 scn$/m);
    expect(await pageOps(card)).toMatch(/^0 0\.95 0\.9 0\.05 scn$/m);
    expect(await pageOps(board)).not.toMatch(/^0 1 1 0 scn$/m);
  }, 60_000);
});

describe('the county’s ICC profile', () => {
  it('is embedded as DestOutputProfile, described by the profile, the condition Custom', async () => {
    const { root, content } = county('print:\n  icc_profile: print/proof.icc');
    put(root, 'print/proof.icc', profile);
    const { board, card } = await print(content);
    for (const file of [board, card]) {
      const x = await outputIntent(file);
      expect(x).toMatchObject({ condition: 'Custom', info: 'Chemical proof', registry: undefined, n: 4 });
      expect(x.profile!.equals(profile)).toBe(true);
    }
  }, 60_000);

  it('separates the photos for that press', async () => {
    const { root } = county('');
    const file = put(root, 'print/proof.icc', profile);
    const src = join(MINI, 'entries/v-demo-a/2026/road-site.jpg');
    const pages = [{ width: 100, height: 100, boxes: [{ kind: 'image' as const, x: 0, y: 0, w: 100, h: 75, src, px: 64 }] }];
    const mean = async (jpeg: Buffer) => {
      const px = await sharp(jpeg).raw().toBuffer();
      return [0, 1, 2, 3].map((c) => px.filter((_, i) => i % 4 === c).reduce((s, v) => s + v, 0) / (px.length / 4));
    };
    const own = (await prepareImages(pages, file)).get(`64:${src}`)!;
    const plain = (await prepareImages(pages)).get(`64:${src}`)!;
    const expected = await mean(
      await sharp(src).resize({ width: 64 }).toColourspace('cmyk').withIccProfile(file, { attach: false }).jpeg({ quality: 88 }).toBuffer(),
    );
    (await mean(own)).forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 0));
    expect(own.equals(plain)).toBe(false);
  });

  it('is refused by check when it is not a CMYK output profile, or missing, naming site.yaml', () => {
    const { root, content } = county('print:\n  icc_profile: print/input.icc');
    // PDF.js ships a CMYK profile of the input class (A2B only): no use as a press condition.
    put(root, 'print/input.icc', readFileSync(join(require.resolve('pdfjs-dist/package.json'), '../iccs/CGATS001Compat-v2-micro.icc')));
    const bad = load(content).diagnostics.find((d) => d.code === 'icc-profile');
    expect(bad?.message).toContain('不是输出设备（印刷）特性文件');
    expect(bad?.file).toContain('site.yaml');
    writeFileSync(join(content, 'site.yaml'), readFileSync(join(content, 'site.yaml'), 'utf8').replace('print/input.icc', 'print/none.icc'));
    expect(load(content).diagnostics.find((d) => d.code === 'icc-profile')?.message).toContain('找不到');
  });

  it('is needed for a condition the ICC has not registered', () => {
    const { content } = county('print:\n  output_condition: CY-T-5');
    expect(load(content).diagnostics.find((d) => d.code === 'icc-profile')?.message).toContain('CY-T-5');
  });
});
