/**
 * Text for a unit's LED strip display (显示屏): what is on its board today — running 公示 first,
 * with their last day and working days left, then each current item's one-line 摘要 (or its
 * title) under a short label — and where to raise a 点题, in lines of `led_width` characters.
 *
 * Controllers show GB2312 in a 16×16 font: a GB2312 character takes a full cell, an ASCII
 * character half of one, so that is how a line is measured, and lines break by the same Chinese
 * rules as the boards (cjk-lines.ts). Dates, amounts and countdowns are as short as they can be
 * and still read right (2026年12月7日 → 12月7日 in the same year, 1,813.20元 → 1813.2元, 还剩 → 剩).
 * A character outside GB2312 is never dropped silently: it is shown as □ and reported with the
 * entry and field it came from, so the clerk can write it another way.
 */
import { formatChineseDate, parseDate } from '../domain/dates.ts';
import type { Project } from '../domain/model.ts';
import { requestContacts } from '../domain/requests/channels.ts';
import { noticeStatus, noticeWindow } from '../domain/time/notice.ts';
import { cardLayoutSchema } from '../domain/schema/template.ts';
import { currentBoardEntries, projectCalendar } from '../print/jobs/board-selection.ts';
import { cachedUnits, NO_END, NO_START } from '../print/layout/cjk-lines.ts';
import type { Measurer } from '../print/layout/measurer.ts';
import { isGb2312 } from './gb2312.ts';

/** A GB2312 character is one cell of the strip, an ASCII one half a cell. */
const LED_CELLS: Measurer = {
  width: (text, _face, size) => {
    let cells = 0;
    for (const ch of text) cells += ch.codePointAt(0)! < 0x80 ? 0.5 : 1;
    return cells * size;
  },
  ascent: () => 1,
};

/** The width of a line in strip cells. */
export const ledCells = (line: string): number => LED_CELLS.width(line, 'serif', 1);

/** What stands in for a character the controller cannot show. */
export const MISSING = '□';

export interface LedNote {
  unitId: string;
  /** The entry the text came from; absent for the unit's own details (name, phone). */
  entry?: string;
  field: string;
  chars: string[];
}

export interface LedText {
  unitId: string;
  lines: string[];
  notes: LedNote[];
}

/** Shorter forms that still read right on a strip. */
export function shortForLed(text: string, year: number): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => c.normalize('NFKC'))
    .replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (m, y: string, mo: string, d: string) => (Number(y) === year ? `${Number(mo)}月${Number(d)}日` : m))
    .replace(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?=\s*(?:万)?元)/g, (_, int: string, dec?: string) => {
      const frac = (dec ?? '').replace(/0+$/, '');
      return `${int.replace(/,/g, '')}${frac ? `.${frac}` : ''}`;
    })
    .replace(/还剩/g, '剩')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters common in entries that GB2312 lacks, with the GB2312 character a reader takes for the same. */
const STAND_INS: Record<string, string> = { '•': '·', '–': '-', '‐': '-', '－': '-', '﹣': '-', '〜': '～', '∶': '：', '・': '·', '　': ' ' };

function clean(text: string, note: (chars: string[]) => void): string {
  const swapped = [...text].map((c) => STAND_INS[c] ?? c).join('');
  const missing = [...new Set([...swapped].filter((c) => !isGb2312(c)))];
  if (missing.length) note(missing);
  return [...swapped].map((c) => (isGb2312(c) ? c : MISSING)).join('');
}

const md = (d: string) => `${parseDate(d).month}月${parseDate(d).day}日`;

/** The unit's LED text on `today`, `width` characters a line. */
export function ledText(project: Project, unitId: string, today: string, width = project.site.media.led_width): LedText {
  const unit = project.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  const year = parseDate(today).year;
  const cal = projectCalendar(project);
  const notes: LedNote[] = [];
  const labels = cardLabels(project);
  const items: string[] = [];
  const say = (text: string, field: string, entry?: string) =>
    clean(shortForLed(text, year), (chars) => notes.push({ unitId, ...(entry ? { entry } : {}), field, chars }));

  items.push(`${say(unit.name, '单位名称')}党务公开 ${md(today)}`);
  const selected = currentBoardEntries(project, unitId, today).map((s) => s.entry);
  const notices = selected.filter((e) => e.data.notice && today <= noticeWindow(e.data.notice, cal).end);
  for (const e of notices) {
    const w = noticeWindow(e.data.notice!, cal);
    const left = noticeStatus(w, today, cal).daysLeft;
    items.push(`【公示】${say(e.data.title, '标题', e.id)}，至${md(w.end)}${left > 0 ? `，剩${left}个工作日` : ''}`);
  }
  for (const e of selected.filter((x) => !notices.includes(x)).sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : 0))) {
    const label = labels.get(e.data.item) ?? project.catalog.items.get(e.data.item)?.name ?? '';
    const text = e.data.summary ? say(e.data.summary, '摘要', e.id) : say(e.data.title, '标题', e.id);
    items.push(`【${clean(label, () => undefined)}】${text}`);
  }
  const c = requestContacts(unit, project.units, project.site);
  items.push(`点题：${c.phone ? say(c.phone.replace(/（.*$/, ''), '电话') : `到${say(unit.name, '单位名称')}`}，${c.replyDays}个工作日内答复`);
  items.push(`监督电话：${say(c.supervisionPhone, '监督电话')}`);
  return { unitId, lines: items.flatMap((t) => ledLines(t, width)), notes };
}

/**
 * Lines of at most `width` cells, broken only where the Chinese rules allow (the units of
 * cjk-lines.ts: no closing mark at a line start, no opening mark at an end, numbers whole).
 * Unlike a board's, a strip's cell is fixed: nothing hangs past the end, nothing is spread.
 */
export function ledLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  const push = () => {
    if (cur.trim()) lines.push(cur.trim());
    cur = '';
  };
  for (const unit of cachedUnits(text)) {
    if (ledCells(cur + unit) <= width) {
      cur += unit;
      continue;
    }
    push();
    if (ledCells(unit) <= width) cur = unit.trimStart();
    // A unit wider than a line (a long number, a run of marks) goes character by character.
    else for (const ch of unit) ledCells(cur + ch) <= width ? (cur += ch) : (push(), (cur = ch));
  }
  push();
  // A last line of one character takes one more from the line before, as on the boards.
  const last = lines.at(-1);
  const prev = lines.at(-2);
  if (last && prev && [...last].length === 1 && [...prev].length > 2) {
    const moved = [...prev].at(-1)!;
    const rest = [...prev].slice(0, -1).join('');
    if (!NO_START.has(moved) && !NO_END.has(rest.at(-1) ?? '') && /[\p{Script=Han}]/u.test(moved)) lines.splice(-2, 2, rest, moved + last);
  }
  return lines;
}

/** The short labels of the card template (党费, 工作计划 …): an LED line is as short as a card's. */
function cardLabels(project: Project): Map<string, string> {
  const card = project.templates.get(project.site.defaults.card_template);
  const parsed = card?.kind === 'card' ? cardLayoutSchema.safeParse(card.layout) : undefined;
  return new Map((parsed?.success ? parsed.data.items : []).map((i) => [i.item, i.label]));
}

/** The one-line note the build shows for a character outside GB2312. */
export function ledNoteText(n: LedNote, unitName: string): string {
  const where = n.entry ? `条目 ${n.entry} 的${n.field}` : `${unitName}的${n.field}`;
  return `LED 文字：${where}中的“${n.chars.join('”“')}”不在 GB2312 字符集中，显示屏显示不出来，已换成“${MISSING}”。请改用常用字，或在 units.yaml、条目中换一种写法。`;
}

/** Today in the LED text's heading, for the file's first line. */
export const ledDate = (today: string): string => formatChineseDate(today);
