/**
 * Office phone numbers as offices write them on cards, boards and the site: a landline with its
 * area code, and an extension after 转 (0312-8123456转801). Spreadsheet cells come in more
 * shapes (分机, ext., full-width digits, long dashes, spaces around 转); they are brought to that
 * one written form, and a personal mobile number is told apart from an office line.
 */

/** What the registries accept: digits, hyphens, brackets and spaces, then an optional extension after 转. */
export const PHONE_PATTERN = /^[0-9（）()\- +]{5,24}(?:\s*转\s*[0-9]{1,6})?$/;

/** The schema's and the importer's wording, with examples the go-live check does not forbid. */
export const PHONE_FORMAT_HINT = '电话写区号-号码，例如 0312-8123456；有分机的写在“转”字后面，例如 0312-8123456转801';

// Dashes a Chinese input method or Word gives instead of the hyphen: en/em dash, horizontal
// bar, minus sign, hyphen variants (full-width forms are folded by NFKC).
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
// 分机, 分机号, ext, ext., x, #, and the bracketed forms (转801) / （分机801）: all mean 转.
const EXTENSION = /\s*[(（]?\s*(?:转|分机号?|ext\.?|x|#)\s*([0-9]{1,6})\s*[)）]?\s*$/i;

export interface PhoneCell {
  /** The number as it will be written, or undefined when the cell cannot be read as a phone number. */
  phone?: string;
  /** How the text was changed, in Chinese, when it was; for the import's dry run. */
  how?: string;
}

/** A spreadsheet cell as the one written form of an office phone number. */
export function phoneFromCell(text: string): PhoneCell {
  const raw = text.trim();
  const hows: string[] = [];
  let s = raw.normalize('NFKC');
  if (s !== raw) hows.push('全角字符改为半角');
  const dashed = s.replace(DASHES, '-');
  if (dashed !== s) hows.push('长横线改为“-”');
  s = dashed;
  const ext = EXTENSION.exec(s);
  let main = ext ? s.slice(0, ext.index) : s;
  const spaced = main.replace(/\s+/g, ' ').trim();
  if (spaced !== main) hows.push('去掉多余的空格');
  main = spaced;
  const phone = ext ? `${main}转${ext[1]}` : main;
  if (ext && ext[0] !== `转${ext[1]}`) hows.push('分机号写在“转”字后面');
  if (!PHONE_PATTERN.test(phone)) return {};
  return { phone, ...(phone !== raw ? { how: hows.join('，') || '整理格式' } : {}) };
}

/** The digits of a number without its extension, for comparing against allowed numbers. */
export const mainDigits = (phone: string): string =>
  phone
    .normalize('NFKC')
    .replace(/转.*$/, '')
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '');

/** A personal mobile number (1[3-9] and nine digits), whatever its spacing or +86. */
export const isMobileNumber = (phone: string): boolean => /^1[3-9]\d{9}$/.test(mainDigits(phone));

/** A tel: address: the number's digits, then the extension after a pause (RFC 3966 visual separators dropped). */
export function telUri(phone: string): string {
  const main = phone.replace(/（.*$/, '').replace(/转.*$/, '');
  const ext = /转\s*([0-9]{1,6})/.exec(phone)?.[1];
  return `tel:${main.replace(/[^\d+-]/g, '')}${ext ? `,${ext}` : ''}`;
}
