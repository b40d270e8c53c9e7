/**
 * What a town's or village's signage page (显示屏, a TV nobody touches) shows: the 公示 running
 * (a town's own and its villages'), the newest items on the unit's board, how to raise a 点题
 * with the QR code of the unit's page. Like a unit page on a live site it carries the days each
 * item is up (board-timeline.ts through siteData.boardDays), so the screen turns to the next
 * day's board by itself (src/site/client/signage.ts) until the next build replaces the page.
 */
import { createHash } from 'node:crypto';
import type { Entry } from '../domain/model.ts';
import { qrSvg } from '../domain/qr-code.ts';
import { requestContacts, type RequestContacts } from '../domain/requests/channels.ts';
import type { Unit } from '../domain/schema/unit.ts';
import type { DaySpan } from '../domain/time/day-spans.ts';
import { addDays } from '../domain/time/day-math.ts';
import type { NoticeWindow } from '../domain/time/notice.ts';
import { unitUrl } from '../print/jobs/board-job.ts';
import type { SiteData } from './project.ts';

export interface SignageNotice {
  entry: Entry;
  /** The village, on a town's screen. */
  unitName?: string;
  window: NoticeWindow;
  workdays: string[];
  days: DaySpan[];
}

export interface SignageItem {
  entry: Entry;
  itemName: string;
  days: DaySpan[];
}

export interface SignageView {
  unit: Unit;
  notices: SignageNotice[];
  latest: SignageItem[];
  contacts: RequestContacts;
  url: string;
  qr: string;
}

/** Units with a signage page: towns and villages (every town hall and village has a screen). */
export const signageUnits = (data: SiteData): Unit[] => data.project.units.filter((u) => u.kind === 'town' || u.kind === 'village');

export const signagePath = (base: string, unitId: string): string => `${base}signage/${unitId}/`;

function noticesOf(data: SiteData, unit: Unit, named: boolean): SignageNotice[] {
  return data.boardDays(unit.id).flatMap((t) => {
    const n = data.notices.get(t.entry.id);
    if (!n || !t.running.length) return [];
    const workdays: string[] = [];
    for (let d = n.window.start; d <= n.window.end; d = addDays(d, 1)) if (data.calendar.isWorkingDay(d)) workdays.push(d);
    return [{ entry: t.entry, ...(named ? { unitName: unit.name } : {}), window: n.window, workdays, days: t.running }];
  });
}

const views = new WeakMap<SiteData, Map<string, Promise<SignageView>>>();

/** A unit's view, made once per build: the page and signage/version.json both read it. */
export function signageView(data: SiteData, unit: Unit): Promise<SignageView> {
  let byUnit = views.get(data);
  if (!byUnit) views.set(data, (byUnit = new Map()));
  let v = byUnit.get(unit.id);
  if (!v) byUnit.set(unit.id, (v = makeView(data, unit)));
  return v;
}

async function makeView(data: SiteData, unit: Unit): Promise<SignageView> {
  const villages = unit.kind === 'town' ? (data.children.get(unit.id) ?? []).filter((u) => u.kind === 'village') : [];
  const notices = [...noticesOf(data, unit, false), ...villages.flatMap((v) => noticesOf(data, v, true))].sort((a, b) =>
    a.window.end < b.window.end ? -1 : a.window.end > b.window.end ? 1 : a.entry.id < b.entry.id ? -1 : 1,
  );
  const latest = data
    .boardDays(unit.id)
    .filter((t) => !t.entry.data.notice && t.onBoard.length)
    .sort((a, b) => (a.entry.data.date < b.entry.data.date ? 1 : a.entry.data.date > b.entry.data.date ? -1 : a.entry.id < b.entry.id ? -1 : 1))
    .map((t) => ({ entry: t.entry, itemName: data.aspectOfItem(t.entry.data.item).item.name, days: t.onBoard }));
  const url = unitUrl(data.project.site.base_url, unit.id);
  const qr = qrSvg(url, 2);
  return { unit, notices, latest, contacts: requestContacts(unit, data.project.units, data.project.site), url, qr };
}

const builds = new WeakMap<SiteData, string>();

/**
 * An identifier of what every signage page of this build shows: a screen asks for it now and
 * then (signage/version.json) and reloads itself when it differs from its own.
 */
export async function signageBuild(data: SiteData): Promise<string> {
  const known = builds.get(data);
  if (known) return known;
  const h = createHash('sha256').update(JSON.stringify([data.today, data.todaySource, data.project.site]));
  for (const unit of signageUnits(data)) {
    const v = await signageView(data, unit);
    h.update(
      JSON.stringify([unit, v.contacts, v.notices.map((n) => [n.entry.id, n.entry.data, n.days]), v.latest.map((l) => [l.entry.id, l.entry.data, l.days])]),
    );
  }
  const id = h.digest('hex').slice(0, 16);
  builds.set(data, id);
  return id;
}
