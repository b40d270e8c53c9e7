/**
 * 报刊: a monthly column for the county paper (最新党务公开摘要) — how much each level published
 * in the last complete month, its 公示, and a few items with their one-line 摘要 per town —
 * from the same public entries (the publication gate), in a newspaper's plain prose. About
 * 1,500 characters at most: a column, not a listing; the site has the rest.
 */
import { formatChineseDate, parseDate } from '../domain/dates.ts';
import type { Entry, Project } from '../domain/model.ts';
import { publicEntries } from '../domain/publication.ts';

export interface NewspaperColumn {
  /** yyyy-mm of the month it covers. */
  month: string;
  text: string;
}

/** Items per town and for the county level. */
const PER_TOWN = 2;
const COUNTY_ITEMS = 4;

export const newspaperFile = (month: string): string => `channels/newspaper/${month}.txt`;

/** The month a column published on `today` covers: the one before. */
export function lastMonth(today: string): { month: string; from: string; to: string } {
  const { year, month } = parseDate(today);
  const y = month === 1 ? year - 1 : year;
  const mo = month === 1 ? 12 : month - 1;
  const mm = String(mo).padStart(2, '0');
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { month: `${y}-${mm}`, from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

const newest = (a: Entry, b: Entry) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id < b.id ? -1 : 1);

export function newspaperColumn(project: Project, today: string): NewspaperColumn {
  const { month, from, to } = lastMonth(today);
  const { year, month: mo } = parseDate(from);
  const inMonth = publicEntries(project.entries).filter((e) => e.data.date >= from && e.data.date <= to);
  const unitById = new Map(project.units.map((u) => [u.id, u]));
  const townOf = (id: string) => {
    const u = unitById.get(id);
    return u?.kind === 'town' ? u : u?.kind === 'village' && u.parent ? unitById.get(u.parent) : undefined;
  };
  const notices = inMonth.filter((e) => e.data.notice);
  const line = (e: Entry) => `${unitById.get(e.unit)?.name ?? e.unit}${e.data.summary ? `：${e.data.summary}` : `公开了《${e.data.title}》`}`;
  const county = inMonth.filter((e) => !townOf(e.unit)).sort(newest);
  const paras: string[] = [
    inMonth.length
      ? `本报讯　${mo}月，全县各级党组织通过党务公开栏和${project.site.title}公开党务信息${inMonth.length}条${notices.length ? `，其中公示${notices.length}项` : ''}。`
      : `本报讯　${mo}月，全县各级党组织没有新公开的党务信息，公开栏和${project.site.title}上的长期公开内容照常可查。`,
  ];
  if (county.length) {
    const picked = county.filter((e) => e.data.summary).slice(0, COUNTY_ITEMS);
    paras.push(`县委和县直单位公开${county.length}条${picked.length ? `。${picked.map(line).join('；')}` : ''}。`);
  }
  for (const town of project.units.filter((u) => u.kind === 'town')) {
    const own = inMonth.filter((e) => townOf(e.unit)?.id === town.id).sort(newest);
    if (!own.length) continue;
    const picked = own.filter((e) => e.data.summary).slice(0, PER_TOWN);
    paras.push(`${town.name}及所辖村（社区）公开${own.length}条${picked.length ? `，其中${picked.map(line).join('；')}` : ''}。`);
  }
  paras.push(
    `群众和党员想了解哪项党务，可以向有关党组织提出（点题），收到后${project.site.defaults.reply_days}个工作日内答复；对答复不满意的，可以拨打监督电话${project.site.supervision_phone}。全部公开内容请登录${project.site.title}（${project.site.base_url.replace(/^https?:\/\//, '').replace(/\/$/, '')}）查看。`,
  );
  const title = `最新党务公开摘要（${year}年${mo}月）`;
  const text = [title, `${project.site.publisher}供稿　${formatChineseDate(today)}`, '', ...paras, ''].join('\n');
  return { month, text };
}
