/**
 * Text written to be heard (the village loudspeaker, 村村响): every figure as it is spoken and
 * no symbol a reader would have to interpret. Amounts of money are read in 元角分
 * (1,813.20元 → 一千八百一十三元二角), years digit by digit (2026年 → 二〇二六年), dates and
 * counts as numbers (12月7日 → 十二月七日, 42名 → 四十二名), phone numbers digit by digit with
 * 幺 for 1 (as broadcasters read them), percentages as 百分之…, and web addresses, e-mail
 * addresses and Markdown leftovers are dropped. Number words come from the `nzh` library.
 *
 * The result contains no Arabic numeral and no symbol other than Chinese punctuation: the
 * broadcast test scans every script for them.
 */
import Nzh from 'nzh';
import { parseDate } from '../domain/dates.ts';

/** Spoken number words of a plain number (integer or decimal): 42 → 四十二, 12.6 → 十二点六, 10 → 十. */
export function spokenNumber(n: string | number): string {
  const s = String(n).replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return s;
  // A leading zero (007) is a code, read digit by digit.
  if (/^0\d/.test(s)) return spokenDigits(s);
  return Nzh.cn.encodeS(s);
}

/** A count before a measure word: 2 is said 两 (两个工作日, 两分钟), other numbers as spokenNumber. */
export const spokenCount = (n: number): string => (n === 2 ? '两' : spokenNumber(n));

const DIGIT = '〇一二三四五六七八九';
/** Digit by digit, as in a year: 2026 → 二〇二六. */
export function spokenDigits(s: string): string {
  return [...s].map((c) => (/\d/.test(c) ? DIGIT[Number(c)] : c)).join('');
}

/** A phone number as broadcasters read it: digit by digit, 1 as 幺, a pause where the dash was. */
export function spokenPhone(phone: string): string {
  return phone
    .replace(/[（(][^）)]*[）)]/g, '')
    .trim()
    .split(/[-\s]+/)
    .filter(Boolean)
    .map((part) => [...part.replace(/\D/g, '')].map((c) => (c === '1' ? '幺' : c === '0' ? '零' : DIGIT[Number(c)])).join(''))
    .join('，');
}

/** An amount of money in 元角分: 1,813.20 → 一千八百一十三元二角; 0.05 → 五分; 1001.02 → 一千零一元零二分. */
export function spokenAmount(amount: string): string {
  const [int = '0', dec = ''] = amount.replace(/,/g, '').split('.');
  const jiao = Number(dec[0] ?? 0);
  const fen = Number(dec[1] ?? 0);
  const yuan = Number(int) > 0 ? `${spokenNumber(int)}元` : '';
  const j = jiao ? `${DIGIT[jiao]}角` : '';
  const f = fen ? `${yuan && !jiao ? '零' : ''}${DIGIT[fen]}分` : '';
  return yuan || j || f ? `${yuan}${j}${f}` : '零元';
}

/** A date as spoken: 十二月七日, with the year (二〇二五年) only when it is not `year`. */
export function spokenDate(iso: string, year?: number): string {
  const d = parseDate(iso);
  return `${d.year === year ? '' : `${spokenDigits(String(d.year))}年`}${spokenNumber(d.month)}月${spokenNumber(d.day)}日`;
}

/** Web and e-mail addresses: nobody can take them down from a loudspeaker. */
const ADDRESSES = /(?:https?:\/\/|www\.)[^\s，。；、）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Units written as symbols, and what is said for them. */
const UNIT_WORDS: [RegExp, string][] = [
  [/㎡|m²|平米/g, '平方米'],
  [/℃/g, '摄氏度'],
  [/‰/g, '千分号'],
  [/km\b/gi, '公里'],
  [/kg\b/gi, '公斤'],
];

/** Measure words after which 2 is said 两. */
const CLASSIFIERS = '名|人|个|位|次|条|项|件|户|天|年|辆|本|台|亩|所|家|批|种|份|处|间|张';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * Rewrites `text` to be read aloud: figures in words, symbols in words or gone. `year` is the
 * year of the broadcast: dates in it are read without their year.
 */
export function speakable(text: string, year: number): string {
  // Full-width digits, letters and % as typed by an input method; Chinese punctuation stays.
  let s = text.replace(/[\uFF05\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => c.normalize('NFKC')).replace(/[\u200b-\u200d\ufeff]/g, '');
  s = s.replace(ADDRESSES, '');
  for (const [re, word] of UNIT_WORDS) s = s.replace(re, word);
  // ISO dates and dates in words first, before their numbers are read one by one.
  s = s.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y: string, mo: string, d: string) => {
    try {
      return spokenDate(`${y}-${mo}-${d}`, year);
    } catch {
      return m;
    }
  });
  s = s.replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (_, y: string, mo: string, d: string) =>
    Number(y) === year ? `${spokenNumber(mo)}月${spokenNumber(d)}日` : `${spokenDigits(y)}年${spokenNumber(mo)}月${spokenNumber(d)}日`,
  );
  // Phone numbers: an area code and number, or a mobile's eleven digits.
  s = s.replace(/\b0\d{2,3}-\d{7,8}\b|\b1[3-9]\d{9}\b|\b\d{4}-\d{7}\b/g, (m) => spokenPhone(m));
  // Years (2026年, 2025年度), times of day (9:00, 8:30), ranges (1-3月, 9:00-17:00).
  s = s.replace(/(\d{4})(?=\s*年)/g, (y: string) => spokenDigits(y));
  s = s.replace(/(\d)\s*[-~～—–]\s*(?=\d)/g, '$1至');
  s = s.replace(/\b(\d{1,2}):(\d{2})\b/g, (_, h: string, min: string) => `${spokenNumber(h)}点${min === '00' ? '' : `${spokenNumber(Number(min))}分`}`);
  // Money: 1,813.20元 → 一千八百一十三元二角; 12.6万元 stays a number of 万.
  s = s.replace(new RegExp(`(${NUMBER})\\s*元`, 'g'), (_, n: string) => spokenAmount(n));
  s = s.replace(new RegExp(`(${NUMBER})\\s*%`, 'g'), (_, n: string) => `百分之${spokenNumber(n)}`);
  // 2名 is said 两名: two of something takes 两.
  s = s.replace(new RegExp(`(${NUMBER})(?=(${CLASSIFIERS}))`, 'g'), (n) => (n === '2' ? '两' : spokenNumber(n)));
  s = s.replace(new RegExp(NUMBER, 'g'), (n) => spokenNumber(n));
  // Symbols said as words, then everything else that is not read: brackets become pauses.
  s = s
    .replace(/[×xX*](?=[一二三四五六七八九十])/g, '乘')
    .replace(/[＋+]/g, '加')
    .replace(/[&＆]/g, '和')
    .replace(/[~～]/g, '至')
    .replace(/[/／]/g, '、')
    .replace(/……|…/g, '等')
    .replace(/——|—|–|－/g, '，')
    .replace(/[（(【\[〔]/g, '，')
    .replace(/[）)】\]〕]/g, '，')
    .replace(/[#*_`|<>{}^=\\@$¥￥§•·●○■□▲△◆◇※→←↑↓√✓✔✗-]/g, '')
    .replace(/["‘’']/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\?/g, '？')
    .replace(/!/g, '！')
    .replace(/\.(?=\s|$|[\u4e00-\u9fff])/g, '。')
    .replace(/\s+/g, '')
    .replace(/，+/g, '，')
    .replace(/，([。；：？！、])/g, '$1')
    .replace(/([。；：？！、“])，/g, '$1')
    .replace(/^，|，$/g, '');
  return s;
}

/** What a reader may still find in a script that was meant to be heard (the tests' and the check's rule). */
export const NOT_SPOKEN = /[0-9０-９%‰℃㎡/\\|<>#*_~`@$¥￥=+&{}[\]()（）【】—–-]|https?:|www\./;

/** Minutes and seconds at about four characters a second, in words: 约三分二十秒. */
export function readingTime(text: string, perSecond = 4): { seconds: number; words: string } {
  const chars = [...text.replace(/\s/g, '')].length;
  const seconds = Math.max(1, Math.round(chars / perSecond));
  const m = Math.floor(seconds / 60);
  const sec = seconds % 60;
  const words = `约${m ? `${spokenCount(m)}分` : ''}${sec || !m ? `${spokenNumber(sec)}秒` : '钟'}`;
  return { seconds, words };
}
