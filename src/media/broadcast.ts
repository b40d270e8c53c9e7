/**
 * The weekly script for a village's or town's loudspeaker (村村响): what the unit published in
 * the week, the 公示 running on its last day (with their last day and working days left), and
 * the 点题 answered in the week — every item written to be heard (speech.ts), each cut at about
 * `broadcast_item_chars` characters with “详细内容请看公开栏或扫码查看”, and the reading time
 * at about four characters a second. Only public entries (the publication gate) and requests
 * not withdrawn are read; nothing here reads a file.
 */
import { addDays, weekday } from '../domain/time/day-math.ts';
import type { Entry, Project, Request } from '../domain/model.ts';
import { publicEntries } from '../domain/publication.ts';
import { requestContacts } from '../domain/requests/channels.ts';
import { noticeStatus, noticeWindow } from '../domain/time/notice.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { projectCalendar } from '../print/jobs/board-selection.ts';
import { entryBlocks } from '../print/layout/entry-blocks.ts';
import { capSentences, spokenBlocks } from './spoken-blocks.ts';
import { readingTime, speakable, spokenCount, spokenDate, spokenNumber, spokenPhone } from './speech.ts';

export const CUT_NOTE = '详细内容请看公开栏或扫码查看。';

export interface BroadcastWeek {
  from: string;
  to: string;
}

/** An ISO week (2026-W49) or the Monday-to-Sunday week of a date (2026-12-07); undefined if neither. */
export function weekOf(spec: string): BroadcastWeek | undefined {
  const iso = /^(\d{4})-W(\d{2})$/i.exec(spec.trim());
  if (iso) {
    const year = Number(iso[1]);
    const week = Number(iso[2]);
    if (week < 1 || week > 53) return undefined;
    // The week with 4 January is week 1 (ISO 8601).
    const jan4 = `${year}-01-04`;
    const monday = addDays(jan4, -((weekday(jan4) + 6) % 7) + (week - 1) * 7);
    return { from: monday, to: addDays(monday, 6) };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(spec.trim())) return undefined;
  const day = spec.trim();
  const monday = addDays(day, -((weekday(day) + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

export interface BroadcastItem {
  /** The entry or request it reads. */
  id: string;
  text: string;
  cut: boolean;
}

export interface BroadcastScript {
  unitId: string;
  unitName: string;
  week: BroadcastWeek;
  title: string;
  /** For the reader, not read out: the week and the reading time, in words. */
  note: string;
  opening: string;
  sections: { heading: string; items: BroadcastItem[]; empty: string }[];
  closing: string;
  seconds: number;
  /** The whole script as plain text (what the .txt holds). */
  text: string;
}

const ORDINAL = (i: number) => `第${spokenNumber(i + 1)}条`;
const SECTION = ['一', '二', '三'];

function entryItem(e: Entry, i: number, year: number, cap: number): BroadcastItem {
  const sentences = spokenBlocks(
    entryBlocks(e.body, () => undefined),
    year,
  );
  const body = capSentences(sentences, cap);
  return { id: e.id, text: `${ORDINAL(i)}，《${speakable(e.data.title, year)}》。${body.text}${body.cut ? CUT_NOTE : ''}`, cut: body.cut };
}

function noticeItem(e: Entry, project: Project, day: string, year: number, cap: number): BroadcastItem {
  const cal = projectCalendar(project);
  const w = noticeWindow(e.data.notice!, cal);
  const st = noticeStatus(w, day, cal);
  const when =
    st.state === 'upcoming'
      ? `将于${spokenDate(w.start, year)}开始公示，公示到${spokenDate(w.end, year)}`
      : `公示期从${spokenDate(w.start, year)}到${spokenDate(w.end, year)}，最后一天是${spokenDate(w.end, year)}${st.daysLeft > 0 ? `，还剩${spokenCount(st.daysLeft)}个工作日` : ''}`;
  const sentences = spokenBlocks(
    entryBlocks(e.body, () => undefined),
    year,
  );
  const body = capSentences(sentences, cap);
  return {
    id: e.id,
    text: `《${speakable(e.data.title, year)}》，${when}。${body.text}${body.cut ? CUT_NOTE : ''}对公示内容有意见的，请在公示期内向党组织反映。`,
    cut: body.cut,
  };
}

function replyItem(r: Request, unit: Unit, year: number, cap: number): BroadcastItem {
  const answer = r.data.reply ? capSentences(spokenBlocks([{ kind: 'para', text: r.data.reply }], year), cap) : { text: '', cut: false };
  const how = r.data.on_the_spot ? '已当场解释' : `已于${spokenDate(r.data.replied!, year)}答复`;
  return {
    id: r.id,
    text: `有群众问到“${speakable(r.data.topic, year)}”，${unit.name}${how}。${answer.text}${answer.cut ? CUT_NOTE : ''}`,
    cut: answer.cut,
  };
}

/**
 * The script for `unitId` over `week` (Monday to Sunday), read on `day` (within the week: the
 * build's today, or the week's Sunday for a past week): the 公示 are those running on that day
 * or starting in the seven days after it. A script changes only with its content, its notices'
 * days left, and the week, so most of a week's nightly builds reuse it.
 */
export function broadcastScript(project: Project, unitId: string, week: BroadcastWeek, day: string = week.to): BroadcastScript {
  const unit = project.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  const site = project.site;
  const cap = site.media.broadcast_item_chars;
  const year = Number(week.to.slice(0, 4));
  const cal = projectCalendar(project);
  const own = publicEntries(project.entries)
    .filter((e) => e.unit === unitId)
    .sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1));
  const notices = own.filter((e) => {
    if (!e.data.notice) return false;
    const w = noticeWindow(e.data.notice, cal);
    // Running on the day, or starting within the week after it (before the next broadcast).
    return (w.start <= day && day <= w.end) || (w.start > day && w.start <= addDays(day, 7));
  });
  const fresh = own.filter((e) => e.data.date >= week.from && e.data.date <= week.to && !notices.includes(e));
  const replies = project.requests
    .filter((r) => r.unit === unitId && r.data.status !== 'withdrawn' && r.data.replied && r.data.replied >= week.from && r.data.replied <= week.to)
    .sort((a, b) => (a.data.replied! < b.data.replied! ? -1 : 1));

  const c = requestContacts(unit, project.units, site);
  const range = `${spokenDate(week.from, year)}至${spokenDate(week.to, year)}`;
  const sections = [
    { heading: `${SECTION[0]}、本周新公开的内容`, items: fresh.map((e, i) => entryItem(e, i, year, cap)), empty: '本周没有新公开的内容。' },
    { heading: `${SECTION[1]}、正在公示的内容`, items: notices.map((e) => noticeItem(e, project, day, year, cap)), empty: '目前没有正在公示的内容。' },
    { heading: `${SECTION[2]}、点题答复`, items: replies.map((r) => replyItem(r, unit, year, cap)), empty: '本周没有答复的点题。' },
  ];
  const opening = `各位党员、各位群众：现在播送${unit.name}党务公开的内容，时间是${range}。`;
  const ask = [
    `想了解哪项党务，都可以向${unit.name}提出来`,
    c.phone ? `，电话${spokenPhone(c.phone)}` : '',
    `，收到后${spokenCount(c.replyDays)}个工作日内答复`,
  ].join('');
  const closing = `以上内容都张贴在公开栏上，也可以在${speakable(site.title, year)}查看。${ask}。对答复不满意的，可以拨打监督电话${spokenPhone(c.supervisionPhone)}。播送完毕，谢谢大家。`;
  const read = [opening, ...sections.flatMap((s) => [`${s.heading}。`, ...(s.items.length ? s.items.map((i) => i.text) : [s.empty])]), closing];
  const time = readingTime(read.join(''));
  const title = `${unit.name}党务公开广播稿`;
  const note = `${range}　预计播报${time.words}，按每秒四个字计`;
  const text = [
    title,
    note,
    '',
    opening,
    '',
    ...sections.flatMap((s) => [`${s.heading}。`, ...(s.items.length ? s.items.map((i) => i.text) : [s.empty]), '']),
    closing,
    '',
  ].join('\n');
  return { unitId, unitName: unit.name, week, title, note, opening, sections, closing, seconds: time.seconds, text };
}

/** Units that have a loudspeaker script: towns and villages. */
export const broadcastUnits = (project: Project): Unit[] => project.units.filter((u) => u.kind === 'town' || u.kind === 'village');
