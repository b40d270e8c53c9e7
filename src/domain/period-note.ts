/**
 * The period rule, said where it would otherwise read as a contradiction. A periodic entry's
 * `period` is the 公开期次 it is published for — usually the period its date falls in — while its
 * title often names the period it reports on: 2026年上半年党费收缴情况, published in July for
 * 2026-H2. A page that shows “期间 2026年下半年” under that title looks wrong to a reader; this
 * finds such titles and words the explanation. Pure: pages and tests call it.
 */
import { formatPeriod, type Period } from './period.ts';

const HAN_DIGITS = '一二三四';

interface Named {
  year: number;
  index: number;
  text: string;
}

/** The periods of `p`'s kind a title names, with the year it names or else `p`'s own. */
function namedPeriods(title: string, p: Period): Named[] {
  const out: Named[] = [];
  const year = (y: string | undefined) => (y ? Number(y) : p.year);
  if (p.kind === 'semiannual')
    for (const m of title.matchAll(/(?:(\d{4})年)?([上下])半年/g)) out.push({ year: year(m[1]), index: m[2] === '上' ? 1 : 2, text: m[0] });
  if (p.kind === 'quarterly')
    for (const m of title.matchAll(/(?:(\d{4})年)?第?([一二三四1-4])季度/g)) {
      const i = HAN_DIGITS.indexOf(m[2]!) + 1 || Number(m[2]);
      out.push({ year: year(m[1]), index: i, text: m[0] });
    }
  if (p.kind === 'annual') for (const m of title.matchAll(/(\d{4})年度/g)) out.push({ year: Number(m[1]), index: 1, text: m[0] });
  return out;
}

/**
 * A sentence for the entry page when the title names another period of the same kind than the
 * one the entry is published for; undefined when the title agrees (or names none).
 */
export function periodNote(title: string, p: Period): string | undefined {
  const named = namedPeriods(title, p);
  const other = named.find((n) => n.year !== p.year || n.index !== p.index);
  if (!other || named.some((n) => n.year === p.year && n.index === p.index)) return undefined;
  return `标题里的“${other.text}”是所报告的情况；这一条是${formatPeriod(p)}这一期的公开内容——定期公开的事项按公开的时间计期次，常在本期公开上一期的情况。`;
}
