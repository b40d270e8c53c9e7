/**
 * Which characters an LED strip controller can show: GB2312 (GB/T 2312-1980), the character
 * set of the 16×16 dot-matrix fonts in common controllers, and plain ASCII.
 *
 * Encoding is iconv-lite's: its “gb2312” is Microsoft's code page 936 (GBK), a superset, so a
 * character is GB2312 only if its code is in GB2312's own region — lead byte A1–A9 (symbols)
 * or B0–F7 (hanzi), trail byte A1–FE — and is not one that code page 936 added inside that
 * region (small roman numerals A2A1–A2AA, vertical forms A6E0–A6F5, the pinyin letters
 * A8BB–A8C0) nor a private-use code. Rare characters of personal and place names (䶮, 堃,
 * 镕) fail, as they do on the controllers.
 */
import iconv from 'iconv-lite';

/** Cells of code page 936 inside GB2312's rows that GB2312 itself leaves empty. */
const CP936_ADDED: [number, number][] = [
  [0xa2a1, 0xa2aa],
  [0xa6e0, 0xa6f5],
  [0xa8bb, 0xa8c0],
];

const known = new Map<string, boolean>();

export function isGb2312(ch: string): boolean {
  let ok = known.get(ch);
  if (ok !== undefined) return ok;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) ok = cp >= 0x20 || ch === '\n';
  else if (cp >= 0xe000 && cp <= 0xf8ff) ok = false;
  else {
    const bytes = iconv.encode(ch, 'gb2312');
    const code = bytes.length === 2 ? (bytes[0]! << 8) | bytes[1]! : 0;
    const lead = code >> 8;
    const trail = code & 0xff;
    // iconv-lite writes “?” for a character it cannot encode; only a real two-byte code counts.
    ok =
      bytes.length === 2 &&
      ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) &&
      trail >= 0xa1 &&
      trail <= 0xfe &&
      !CP936_ADDED.some(([from, to]) => code >= from && code <= to) &&
      iconv.decode(bytes, 'gb2312') === ch;
  }
  known.set(ch, ok);
  return ok;
}

/** The characters of `text` that are not GB2312 (each once, in order). */
export function notGb2312(text: string): string[] {
  return [...new Set([...text].filter((c) => !isGb2312(c)))];
}

/** The text in the GB2312 (EUC-CN) bytes controller software reads; call only on text that passed `notGb2312`. */
export function encodeGb2312(text: string): Buffer {
  return iconv.encode(text.replace(/\n/g, '\r\n'), 'gb2312');
}
