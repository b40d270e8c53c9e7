/**
 * PDF/X-1a:2003 and subset tags, read back with pdf-lib from the files `gongkai print` writes
 * for the mini county: a board and a card sheet declare the version, the OutputIntent and
 * trapping, and each font subset is named after its glyphs.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyMini, MINI, tempDirs } from '../helpers.ts';
import { printSome } from '../print-helpers.ts';
import { pdfFonts, pdfInfo } from '../pdf-helpers.ts';

const dir = tempDirs('gongkai-pdfx-');
let out: string;

beforeAll(async () => {
  out = dir();
  await printSome(MINI, out, dir(), ['b-v-demo-a', 'b-t-demo'], ['v-demo-a']);
}, 90_000);

const text = (v: PDFObject | undefined) =>
  v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : v instanceof PDFName ? v.decodeText() : String(v);

/** What a preflight reads first: header, trailer ID, Info keys, OutputIntents, XMP. */
async function pdfx(file: string) {
  const data = readFileSync(file);
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const get = (k: string) => text(info.lookup(PDFName.of(k)));
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents.lookup(0, PDFDict);
  const meta = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
  const xmp = Buffer.from(meta.dict.has(PDFName.of('Filter')) ? inflateSync(meta.contents) : meta.contents).toString('utf8');
  return {
    header: data.subarray(0, 8).toString('latin1'),
    id: doc.context.trailerInfo.ID,
    info: {
      version: get('GTS_PDFXVersion'),
      trapped: info.lookup(PDFName.of('Trapped')),
      title: get('Title'),
      created: get('CreationDate'),
      modified: get('ModDate'),
    },
    intents: intents.size(),
    intent: Object.fromEntries(['S', 'OutputConditionIdentifier', 'RegistryName', 'Info'].map((k) => [k, text(intent.lookup(PDFName.of(k)))])),
    profile: intent.lookup(PDFName.of('DestOutputProfile')),
    xmp,
    rgb: data.includes('DeviceRGB') || data.includes('DeviceGray'),
    // pdfkit writes no object streams, so every dictionary is plain text in the file.
    transparency: /\/SMask|\/ca |\/CA |\/S \/Transparency/.test(data.toString('latin1')),
  };
}

describe('PDF/X-1a:2003', () => {
  for (const file of ['print/boards/b-v-demo-a.pdf', 'print/cards/v-demo-a.pdf']) {
    it(`${file} declares PDF/X-1a:2003 with a FOGRA39 OutputIntent, Trapped /False and its keys`, async () => {
      const x = await pdfx(join(out, file));
      expect(x.header).toBe('%PDF-1.4');
      expect(x.info.version).toBe('PDF/X-1a:2003');
      expect(x.info.trapped).toBeInstanceOf(PDFName);
      expect(text(x.info.trapped)).toBe('False');
      expect(x.info.title).not.toBe('');
      expect(x.info.created).toMatch(/^D:\d{14}Z$/);
      expect(x.info.modified).toBe(x.info.created);
      expect(x.id).toBeInstanceOf(PDFArray);
      expect(x.intents).toBe(1);
      expect(x.intent).toEqual({
        S: 'GTS_PDFX',
        OutputConditionIdentifier: 'FOGRA39',
        RegistryName: 'http://www.color.org',
        Info: 'Coated FOGRA39 (ISO 12647-2:2004)',
      });
      // A registered condition is declared by name; a profile is embedded only when the county gives one.
      expect(x.profile).toBeUndefined();
      expect(x.xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>');
      expect(x.xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
      expect(x.rgb).toBe(false);
      expect(x.transparency).toBe(false);
      // Every page has a TrimBox (PDF/X requires one), the card sheet's being the whole sheet.
      for (const p of (await pdfInfo(join(out, file))).pages) expect(p.TrimBox).toBeDefined();
    });
  }
});

describe('subset tags', () => {
  const tags = async (file: string, root = out) => new Map((await pdfFonts(join(root, file))).map((f) => [f.name.slice(7), f.name.slice(0, 6)]));

  it('differ between two boards with different text, face by face', async () => {
    const a = await tags('print/boards/b-v-demo-a.pdf');
    const b = await tags('print/boards/b-t-demo.pdf');
    const common = [...a.keys()].filter((face) => b.has(face));
    expect(common.length).toBeGreaterThanOrEqual(2);
    for (const face of common) {
      expect(a.get(face)).toMatch(/^[A-Z]{6}$/);
      expect(b.get(face), face).not.toBe(a.get(face));
    }
    // Not pdfkit's tags from the resource name (BZZZZZ, CZZZZZ, …).
    for (const tag of [...a.values(), ...b.values()]) expect(tag).not.toMatch(/ZZZZ$/);
  });

  it('are the same on two boards with the same text', async () => {
    // A second board of the same village at the same size (another place): the same text, set the same way.
    const content = copyMini(dir());
    appendFileSync(join(content, 'boards.yaml'), '- { id: b-v-demo-a2, unit: v-demo-a, template: village, location: 村部, width_mm: 2400, height_mm: 1200 }\n');
    const again = dir();
    await printSome(content, again, dir(), ['b-v-demo-a', 'b-v-demo-a2'], []);
    const a = await tags('print/boards/b-v-demo-a.pdf', again);
    expect(a.size).toBeGreaterThanOrEqual(2);
    expect(await tags('print/boards/b-v-demo-a2.pdf', again)).toEqual(a);
    expect(a).toEqual(await tags('print/boards/b-v-demo-a.pdf'));
  }, 60_000);
});
