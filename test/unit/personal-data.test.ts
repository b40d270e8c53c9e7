/**
 * Property tests: a known personal number is caught however a clerk's keyboard, Word or a
 * chat app typed it, at the place it was typed; ordinary numbers of a disclosure stay
 * accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidIdNumber, luhnValid } from '../../src/domain/safety/personal-data.ts';
import { normaliseForScan, originalSpan } from '../../src/domain/safety/normalised-text.ts';
import { positionOf } from '../../src/domain/safety/text-findings.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => '10X98765432'[ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11]!;

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const idNumber = fc
  .tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1930-01-01'), max: new Date('2012-12-31'), noInvalidDate: true }), digits(3))
  .map(([region, born, seq]) => {
    const first17 = `${region}${born.getUTCFullYear()}${pad(born.getUTCMonth() + 1, 2)}${pad(born.getUTCDate(), 2)}${seq}`;
    return first17 + checkChar(first17);
  });
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const luhnComplete = (body: string) => {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
};
// An 18-digit number laid out like an ID (a birth date in digits 7–14) is read as a mistyped
// ID, not a card (about one 18-digit card in 1,500; most cards have 16 or 19 digits).
const idLayout = (d: string) => d.length === 18 && /^[1-8]\d{5}(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/.test(d);
const bankCard = fc
  .tuple(fc.constantFrom('62', '4', '51', '35'), fc.integer({ min: 16, max: 19 }))
  .chain(([prefix, len]) => digits(len - prefix.length - 1).map((body) => luhnComplete(prefix + body)))
  // Nor a 19-digit card whose first 18 digits are laid out as an ID: typed with a gap before
  // its last digit, it reads as an ID number and one more digit (seed -1377579299 found one).
  .filter((card) => !idLayout(card) && !idLayout(card.slice(0, 18)));

const FULL_WIDTH = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
// What people put between digit groups, in every width, and what chat apps leave there.
const SEPARATORS = [
  '',
  '',
  '',
  ' ',
  '\u3000',
  '\u00a0',
  '-',
  '－',
  '—',
  '–',
  '‐',
  '−',
  ' - ',
  '.',
  '．',
  '·',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\u2060',
];
const CARD_SEPARATORS = SEPARATORS.filter((s) => !/[.．·]/.test(s));

/** A number as a clerk might type it: each character half- or full-width, anything between. */
function typed(number: string, separators: string[]) {
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: number.length, maxLength: number.length }),
      fc.array(fc.constantFrom(...separators), { minLength: number.length - 1, maxLength: number.length - 1 }),
      fc.boolean(),
    )
    .map(([wide, seps, lower]) =>
      [...number]
        .map((c, i) => {
          const ch = c === 'X' && lower ? 'x' : c;
          return (wide[i] ? FULL_WIDTH(ch) : ch) + (seps[i] ?? '');
        })
        .join(''),
    );
}

// Where a number turns up: prose, a table cell, image alt text, a front-matter field.
const PLACES: [string, string][] = [
  ['联系人张三，电话：', '。'],
  ['| 张三 | 男 | ', ' |'],
  ['![张三 ', '](photos/a.jpg)'],
  ['title: 李四', '\n'],
  ['', ''],
];

function expectCaught(code: string) {
  return ([text, [before, after]]: [string, [string, string]]) => {
    const doc = `---\nitem: x\n---\n${before}${text}${after}`;
    const found = findPersonalData(doc);
    expect(found.map((f) => f.code)).toEqual([code]);
    const f = found[0]!;
    // Reported exactly where it was typed: the span is the typed number, its line and
    // column those of its first character.
    expect(doc.slice(f.offset, f.offset + f.length)).toBe(text);
    expect(positionOf(doc, f.offset)).toEqual({ line: 4, column: before.length + 1 });
    expect(f.message).not.toContain(normaliseForScan(text).text.replace(/\D/g, ''));
  };
}

describe('personal data however it is typed', () => {
  it('catches every ID number variant', () => {
    fc.assert(
      fc.property(
        idNumber.chain((id) => fc.tuple(typed(id, SEPARATORS), fc.constantFrom(...PLACES))),
        expectCaught('personal-id-number'),
      ),
      {
        numRuns: 400,
      },
    );
  });
  it('catches every mobile number variant, with or without +86', () => {
    const withCountry = fc.tuple(mobile, fc.constantFrom('', '+86 ', '+86-', '＋８６ ', '86')).chain(([m, cc]) => typed(m, SEPARATORS).map((t) => cc + t));
    fc.assert(fc.property(fc.tuple(withCountry, fc.constantFrom(...PLACES)), expectCaught('personal-mobile')), { numRuns: 400 });
  });
  it('catches every bank card variant', () => {
    fc.assert(
      fc.property(
        bankCard.chain((card) => fc.tuple(typed(card, CARD_SEPARATORS), fc.constantFrom(...PLACES))),
        expectCaught('personal-bank-card'),
      ),
      {
        numRuns: 400,
      },
    );
  });
  it('catches full-width numbers in examples from the issue', () => {
    expect(findPersonalData('手机：１３８１２３４５６７８').map((f) => f.code)).toEqual(['personal-mobile']);
    expect(findPersonalData('手机：１３８ １２３４ ５６７８').map((f) => f.code)).toEqual(['personal-mobile']);
    expect(findPersonalData('身份证：１１０１０５１９４９１２３１００２Ｘ').map((f) => f.code)).toEqual(['personal-id-number']);
  });
});

// Ordinary numbers of a disclosure, in half and full width.
const year = fc.integer({ min: 1990, max: 2040 });
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });
const date = fc
  .tuple(year, month, day, fc.constantFrom('-', '.', '/', '年'))
  .map(([y, m, d, s]) => (s === '年' ? `${y}年${m}月${d}日` : `${y}${s}${pad(m, 2)}${s}${pad(d, 2)}`));
const amount = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([yuan, fen]) => `${yuan.toLocaleString('en-US')}.${pad(fen, 2)}元`);
const wenhao = fc.tuple(fc.constantFrom('县委发', '党办', '组通字'), year, fc.integer({ min: 1, max: 300 })).map(([o, y, n]) => `${o}〔${y}〕${n}号`);
const landline = fc
  .tuple(fc.constantFrom('0871', '010', '0571', '0931'), digits(8), fc.constantFrom('-', ' ', '', ')'))
  .map(([area, num, s]) => (s === ')' ? `(${area})${num}` : `${area}${s}${num}`));
const badId = idNumber.map((id) => id.slice(0, 17) + (id[17] === '0' ? '1' : id[17] === 'X' ? '0' : String((Number(id[17]) + 1) % 10)));
const badCard = bankCard.map((c) => c.slice(0, -1) + String((Number(c.at(-1)) + 1) % 10));
// An 18-digit number whose region is no province (16…, 20…, 80…) is no ID, whatever its date (and, laid out so, no card).
const notARegion = fc
  .tuple(fc.constantFrom(16, 17, 18, 19, 20, 24, 30, 40, 55, 70, 80), badId)
  .map(([p, id]) => `${p}${id.slice(2)}`)
  .filter((id) => !isValidIdNumber(id));
const ordinary = fc.oneof(date, amount, wenhao, landline, notARegion, badCard, fc.integer({ min: 0, max: 99_999 }).map(String));
const toFullWidth = (s: string) => s.replace(/[0-9X]/g, FULL_WIDTH);

describe('ordinary numbers stay accepted', () => {
  it('passes dates, amounts, 文号, landlines, cards with a wrong check digit, and 18 digits with no province', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ordinary, fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('，', '、', '；', '至', '\n', ' | '),
        (parts, joiner) => {
          const text = parts.map(([p, wide]) => (wide ? toFullWidth(p) : p)).join(joiner);
          expect(findPersonalData(text)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('keeps the generators honest: wrong check digits really are wrong', () => {
    fc.assert(fc.property(badId, (id) => !isValidIdNumber(id)));
    fc.assert(fc.property(badCard, (c) => !luhnValid(c)));
  });
  it('does not read a dash-joined serial as a phone', () => {
    expect(findPersonalData('编号 1381-2345-678-9')).toEqual([]);
  });
  it('passes the numbers a disclosure holds: 文号, amounts, project and contract numbers, landlines, allowed hotlines', () => {
    const text = [
      '示组〔2026〕15号',
      '清组发〔2026〕3号',
      '党费1,860.00元，合计11380元',
      '项目编号：QH-2026-0315',
      '合同编号 2026031500012',
      '电话：0312-8123456，监督电话 0000-6123456',
      '2026年9月29日至10月10日',
      '统一社会信用代码 91130100MA0ABCDE1X',
    ].join('\n');
    expect(findPersonalData(text, { allowed: ['0000-6123456'] })).toEqual([]);
  });
});

describe('IDs as people mistype them', () => {
  it('catches an 18-digit number laid out as an ID (province, real birth date) whatever its check digit, saying it may be a typo', () => {
    fc.assert(
      fc.property(badId, (id) => {
        const province = Number(id.slice(0, 2));
        const real = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65].includes(
          province,
        );
        const found = findPersonalData(`身份证：${id}。`);
        expect(found.map((f) => f.code)).toEqual(real ? ['personal-id-number'] : []);
        if (real) expect(found[0]!.message).toContain('输错');
      }),
      { numRuns: 300 },
    );
  });
  it('catches a 15-digit old ID, spaced or full-width, and passes 15 digits with an impossible date', () => {
    expect(findPersonalData('张三 110105491231002').map((f) => f.code)).toEqual(['personal-id-number']);
    expect(findPersonalData('张三 １１０１０５ ４９１２３１ ００２').map((f) => f.code)).toEqual(['personal-id-number']);
    expect(findPersonalData('编号 110105491331002')).toEqual([]); // month 13
    expect(findPersonalData('编号 990105491231002')).toEqual([]); // no province 99
    expect(findPersonalData('张三 110105491231002')[0]!.message).toContain('15位');
  });
  it('does not read a future birth year as an ID', () => {
    expect(findPersonalData(`单号 1101052099123100 21`.replace(' ', ''))).toEqual([]);
  });
});

describe('dash-joined serials', () => {
  it('does not read a dash-joined serial as a phone', () => {
    expect(findPersonalData('编号 1381-2345-678-9')).toEqual([]);
  });
});

describe('the normalised view', () => {
  it('folds widths and separators and maps back to the original', () => {
    const original = '电话：１３８\u200b－１２３４';
    const v = normaliseForScan(original);
    expect(v.text).toBe('电话：138-1234');
    expect(originalSpan(v, 3, 6)).toEqual({ offset: 3, length: 3 });
    expect(originalSpan(v, 6, 7)).toEqual({ offset: 7, length: 1 });
    expect(originalSpan(v, 3, 11)).toEqual({ offset: 3, length: 9 });
    expect(normaliseForScan('𝟏３8').text).toBe('138');
    expect(originalSpan(normaliseForScan('x𝟏３8'), 2, 4)).toEqual({ offset: 3, length: 2 });
  });
  it('leaves text with nothing to fold as it is', () => {
    const text = '2026年党费收缴情况：共42人，应交1,890.00元。';
    expect(normaliseForScan(text)).toEqual({ text, view: [], shift: [] });
  });
});
