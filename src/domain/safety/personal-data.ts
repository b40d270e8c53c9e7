/**
 * Personal data that must not appear in public entries: ID-card numbers (with a valid
 * check digit, so invoice or project numbers do not trip it), personal mobile numbers and
 * bank card numbers (Luhn). Official numbers on the site's allowlist pass; landlines pass.
 * The scan reads a normalised view of the text (normalised-text.ts), so full-width digits,
 * invisible characters and separators between digits do not hide a number.
 */
import { normaliseForScan, originalSpan } from './normalised-text.ts';
import { mask, type TextFinding } from './text-findings.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check digit of an 18-character resident ID number. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]!.toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Region digit and a real birth date where an ID number has them. */
function looksLikeIdLayout(digits: string): boolean {
  const y = Number(digits.slice(6, 10));
  const m = Number(digits.slice(10, 12));
  const d = Number(digits.slice(12, 14));
  return /^[1-8]/.test(digits) && y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The provinces' two-digit codes (GB/T 2260) an ID number starts with. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** A calendar date that exists (no 2月30日). */
function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * An 18-digit number laid out exactly as an ID number — a province's code, a birth date that
 * exists and is not in the future — whatever its check digit: a typo in a real ID is still
 * that person's ID, readable by anyone who knows them.
 */
export function isIdShaped(id: string, thisYear = new Date().getUTCFullYear()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  return y >= 1900 && y <= thisYear && realDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/** A 15-digit ID number of the first generation (before 1999): region, yymmdd, three digits. */
export function isOldIdNumber(id: string): boolean {
  if (!/^\d{15}$/.test(id) || !PROVINCES.has(Number(id.slice(0, 2)))) return false;
  return realDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const digitsOnly = (s: string) => s.replace(/[^\dXx]/g, '').toUpperCase();

// Between two digits a clerk may type spaces, a dash or a dot, in any width (the view has
// folded them): "138 1234 5678", "138-1234-5678", "138.1234.5678", "110101 19900307 1234".
const SEP = '[ \\t.\\-]{0,3}';
// A dash or dot that joins more digits on either side makes it part of a longer number
// (a date, a serial), not a phone or ID; a space does not.
const ID_RE = new RegExp(`(?<![\\dA-Za-z][.\\-]?)\\d(?:${SEP}\\d){16}${SEP}[\\dXx](?![.\\-]?[\\dA-Za-z])`, 'g');
const OLD_ID_RE = new RegExp(`(?<![\\dA-Za-z][.\\-]?)\\d(?:${SEP}\\d){14}(?![.\\-]?[\\dA-Za-z])`, 'g');
/** A mobile number as typed; also the web editor's form pattern, which sees the text before normalising. */
export const MOBILE_PATTERN = `(?<!\\d[.\\-]?)(?:\\+?86${SEP})?1${SEP}[3-9](?:${SEP}\\d){9}(?![.\\-]?\\d)`;
const MOBILE_RE = new RegExp(MOBILE_PATTERN, 'g');
/** What check says about a personal mobile number, and what the web editor's form says before saving. */
export const MOBILE_RULE = '公开内容不能包含个人手机号';
export const MOBILE_HINT = '请改用单位办公电话或监督电话；如果这是公开的公务号码，请把它加入 content/site.yaml 的 allowed_numbers。';
// Card numbers are written in groups with spaces or dashes, never dots.
const CARD_RE = /(?<![\d-])\d(?:[ \t-]{0,3}\d){15,18}(?![\d-])/g;

export interface PersonalDataOptions {
  /** Numbers that may appear (hotlines, office numbers), in any formatting. */
  allowed: readonly string[];
}

/**
 * Finds personal numbers however they were typed: full-width or mixed-width digits,
 * invisible characters, spaces, dashes or dots between digits. Offsets and lengths are
 * in the original text, so the clerk is sent to where they typed it.
 */
export function findPersonalData(text: string, opts: PersonalDataOptions = { allowed: [] }): TextFinding[] {
  const allowed = new Set(opts.allowed.map(digitsOnly));
  const view = normaliseForScan(text);
  const v = view.text;
  const out: TextFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  const at = (m: RegExpMatchArray) => originalSpan(view, m.index!, m.index! + m[0].length);
  const idHint = '请删除身份证号。公示只写姓名、性别、出生年月、学历、工作单位和有关日期。';
  for (const m of v.matchAll(ID_RE)) {
    const id = digitsOnly(m[0]);
    const valid = isValidIdNumber(id);
    if (!valid && !isIdShaped(id)) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-id-number',
      message: valid
        ? `发现身份证号码（${mask(id)}）：公开内容不能包含身份证号`
        : `发现与身份证号码格式相同的号码（${mask(id)}，地区码和出生日期都对得上，只有校验位不对）：可能是把真实身份证号输错了一位，同样不能公开`,
      hint: idHint,
      ...at(m),
    });
  }
  // Longest first, so a card number is not reported as the mobile number inside it.
  for (const m of v.matchAll(CARD_RE)) {
    const digits = digitsOnly(m[0]);
    if (digits.length < 16 || digits.length > 19 || allowed.has(digits) || overlaps(m.index, m.index + m[0].length)) continue;
    // One 18-digit number in ten passes Luhn; one laid out like an ID number (a birth date
    // in the middle) whose check digit is wrong is a mistyped or made-up ID, not a card.
    if (!luhnValid(digits) || (digits.length === 18 && looksLikeIdLayout(digits))) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-bank-card',
      message: `发现银行卡号（${mask(digits)}）：公开内容不能包含银行卡号`,
      hint: '请删除银行卡号；需要说明收款账户时，只写单位对公账户的开户行名称。',
      ...at(m),
    });
  }
  // After cards: fifteen of a card's sixteen digits are no old ID.
  for (const m of v.matchAll(OLD_ID_RE)) {
    const id = digitsOnly(m[0]);
    if (!isOldIdNumber(id) || allowed.has(id) || overlaps(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-id-number',
      message: `发现15位的老身份证号码（${mask(id)}）：公开内容不能包含身份证号，旧号码也一样（也可能是新号码输漏了几位）`,
      hint: idHint,
      ...at(m),
    });
  }
  for (const m of v.matchAll(MOBILE_RE)) {
    const digits = digitsOnly(m[0]).replace(/^86(?=1\d{10}$)/, '');
    if (allowed.has(digits) || overlaps(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-mobile',
      message: `发现手机号码（${mask(digits)}）：${MOBILE_RULE}`,
      hint: MOBILE_HINT,
      ...at(m),
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
