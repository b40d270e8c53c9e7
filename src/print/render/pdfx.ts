/**
 * PDF/X-1a:2003 (ISO 15930-4) for every print file. The drawing code keeps to what X-1a
 * allows (CMYK and the registration separation only, no transparency, every font embedded);
 * this adds what a preflight looks for besides: the version and trapping keys, the
 * OutputIntent, a TrimBox on pages that have none. X-1a rather than X-4: what X-4 mainly adds
 * (live transparency, ICC-based and Lab colour, layers) none of these files uses, every RIP and
 * preflight profile accepts X-1a, and X-4 would demand an embedded profile even for FOGRA39.
 * Its PDF 1.4 ceiling costs nothing drawn here; the card sheets' Duplex and PrintScaling
 * viewer preferences are later keys that older readers ignore.
 *
 * The OutputIntent names the printing condition the CMYK values are meant for. A condition
 * registered with the ICC (http://www.color.org), such as FOGRA39, may be declared without
 * embedding its profile (ISO 15930-4); any other condition needs its ICC profile
 * embedded as DestOutputProfile. Dates come from the content, so the output stays
 * byte-identical for the same input.
 */
import type { ResolvedIntent } from './output-intent.ts';
import { pdfName, setCatalogEntry } from './pdfkit-adapter.ts';

export const PDFX_VERSION = 'PDF/X-1a:2003';
/** X-1a:2003 allows PDF 1.3 or 1.4. */
export const PDFX_PDF_VERSION = '1.4';

/** Info entries PDF/X adds to Title, CreationDate and ModDate (which the document already has). */
export function pdfxInfo(): Record<string, unknown> {
  // Not trapped: the layouts abut no two colours that would need it (white text on red, black on white).
  return { GTS_PDFXVersion: PDFX_VERSION, Trapped: pdfName('False') };
}

/** pdfkit's public API used here, typed more narrowly than its declarations (which leave them `any`). */
interface DocParts {
  ref(data?: Record<string, unknown>): { data: Record<string, unknown>; write(b: Uint8Array): void; end(): void };
  appendXML(xml: string): void;
  page: { dictionary: { data: Record<string, unknown> } };
}

/**
 * Declares `doc` PDF/X-1a:2003: the OutputIntent (with the profile when there is one), the
 * same version and trapping in the XMP metadata, and a TrimBox equal to the page on every
 * page the caller does not give one (office tiles and handouts are trimmed to the sheet).
 */
export function declarePdfX(doc: PDFKit.PDFDocument, intent: ResolvedIntent, modified: Date): void {
  const d = doc as unknown as DocParts;
  const dict: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(intent.condition),
    Info: new String(intent.info),
  };
  if (intent.registry) dict.RegistryName = new String(intent.registry);
  if (intent.profile) {
    const profile = d.ref({ N: 4 });
    profile.write(intent.profile);
    profile.end();
    dict.DestOutputProfile = profile;
  }
  const ref = d.ref(dict);
  ref.end();
  setCatalogEntry(doc, 'OutputIntents', [ref]);
  d.appendXML(`
        <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
            <xmp:ModifyDate>${modified.toISOString().split('.')[0]}Z</xmp:ModifyDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Trapped>False</pdf:Trapped>
        </rdf:Description>`);
  doc.on('pageAdded', () => {
    const page = d.page.dictionary.data;
    page.TrimBox ??= page.MediaBox;
  });
}
