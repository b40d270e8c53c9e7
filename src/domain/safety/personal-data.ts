/**
 * Personal data that must not appear in public entries: ID-card numbers (with a valid
 * check digit, so invoice or project numbers do not trip it), personal mobile numbers and
 * bank card numbers (Luhn). Official numbers on the site's allowlist pass; landlines pass.
 */
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

const digitsOnly = (s: string) => s.replace(/\D/g, '');

const ID_RE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_RE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const CARD_RE = /(?<![\d-])(?:\d[\s-]?){15,18}\d(?![\d-])/g;

export interface PersonalDataOptions {
  /** Numbers that may appear (hotlines, office numbers), in any formatting. */
  allowed: readonly string[];
}

export function findPersonalData(text: string, opts: PersonalDataOptions = { allowed: [] }): TextFinding[] {
  const allowed = new Set(opts.allowed.map(digitsOnly));
  const out: TextFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const m of text.matchAll(ID_RE)) {
    if (!isValidIdNumber(m[0])) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-id-number',
      message: `发现身份证号码（${mask(m[0])}）：公开内容不能包含身份证号`,
      hint: '请删除身份证号。公示只写姓名、性别、出生年月、学历、工作单位和有关日期。',
      offset: m.index,
      length: m[0].length,
    });
  }
  for (const m of text.matchAll(MOBILE_RE)) {
    const digits = digitsOnly(m[0]).replace(/^86(?=1\d{10}$)/, '');
    if (allowed.has(digits) || overlaps(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      severity: 'error',
      code: 'personal-mobile',
      message: `发现手机号码（${mask(digits)}）：公开内容不能包含个人手机号`,
      hint: '请改用单位办公电话或监督电话；如果这是公开的公务号码，请把它加入 content/site.yaml 的 allowed_numbers。',
      offset: m.index,
      length: m[0].length,
    });
  }
  for (const m of text.matchAll(CARD_RE)) {
    const digits = digitsOnly(m[0]);
    if (digits.length < 16 || digits.length > 19 || allowed.has(digits) || overlaps(m.index, m.index + m[0].length)) continue;
    if (!luhnValid(digits)) continue;
    out.push({
      severity: 'error',
      code: 'personal-bank-card',
      message: `发现银行卡号（${mask(digits)}）：公开内容不能包含银行卡号`,
      hint: '请删除银行卡号；需要说明收款账户时，只写单位对公账户的开户行名称。',
      offset: m.index,
      length: m[0].length,
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
