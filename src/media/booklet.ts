/**
 * The 服务指南 booklet: what a household keeps — for each town (its own and its villages'
 * pages) and one for the county (the county committee and a directory of the county-level
 * units): how to raise a 点题 and the deadlines the county keeps, the supervision phone, each
 * unit's contacts and QR code, and its standing (常规性, long-term) entries now on its board —
 * its organisation and division of duties, its rules — chosen through the same selection as
 * the boards (so through the publication gate). Plain data: it crosses into a worker thread
 * and its hash is the cache key.
 */
import { formatChineseDate } from '../domain/dates.ts';
import type { Project } from '../domain/model.ts';
import { honestChannels, requestContacts } from '../domain/requests/channels.ts';
import type { Cmyk } from '../print/layout/boxes.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { entryUrl, unitUrl } from '../print/jobs/board-job.ts';
import { currentBoardEntries } from '../print/jobs/board-selection.ts';
import { dirname, resolve } from 'node:path';

export interface BookletEntry {
  id: string;
  title: string;
  meta: string;
  body: string;
  /** Folder its relative image references resolve against. */
  dir: string;
  url: string;
  /** Its content date. */
  date: string;
}

export interface BookletUnit {
  id: string;
  name: string;
  /** 办公电话, 办公地址, 办公时间 (from the unit or, named, its parent). */
  contacts: { label: string; text: string }[];
  qrUrl: string;
  entries: BookletEntry[];
}

export interface BookletJob {
  id: string;
  title: string;
  county: string;
  publisher: string;
  siteTitle: string;
  siteUrl: string;
  /**
   * The newest content date in it (today when it shows none): what the covers say, so the
   * booklet — and its cache key — changes with its content, not with every day's build.
   */
  date: string;
  bleedMm: number;
  paperUm: number;
  red: Cmyk;
  /** The 点题 procedure and the deadlines, as the county's settings say them. */
  howTo: { channels: string[]; replyDays: number; noticeDays: number; renewByDay: number; supervisionPhone: string; mailbox?: string };
  units: BookletUnit[];
  /** The county booklet's list of county-level units (name, phone, address). */
  directory?: string[][];
  /** Copies to print: the households of its units, plus the card spare. */
  copies?: number;
}

/** Channels a household can use, honest about the web form (channels.ts). */
const CHANNELS = ['电话', '现场', '意见箱', '网站', '党员大会', '村民代表会议'];

function bookletUnit(project: Project, unit: Unit, today: string): BookletUnit {
  const c = requestContacts(unit, project.units, project.site);
  const standing = currentBoardEntries(project, unit.id, today)
    .map((s) => s.entry)
    .filter((e) => project.catalog.items.get(e.data.item)?.cadence === 'long_term');
  return {
    id: unit.id,
    name: unit.name,
    contacts: [
      ...(c.phone ? [{ label: '办公电话', text: c.phone }] : []),
      ...(c.address ? [{ label: '办公地址', text: c.address }] : []),
      ...(c.hours ? [{ label: '办公时间', text: c.hours }] : []),
    ],
    qrUrl: unitUrl(project.site.base_url, unit.id),
    entries: standing.map((e) => ({
      id: e.id,
      title: e.data.title,
      meta: `${formatChineseDate(e.data.date)}发布`,
      body: e.body,
      dir: dirname(resolve(e.source.path)),
      url: entryUrl(project.site.base_url, e.unit, e.slug),
      date: e.data.date,
    })),
  };
}

const newestDate = (units: readonly BookletUnit[], today: string) =>
  units.flatMap((u) => u.entries.map((e) => e.date)).reduce((a, b) => (b > a ? b : a), '') || today;

/** One booklet per town and one for the county, in units.yaml order. */
export function bookletJobs(project: Project, today: string): BookletJob[] {
  const site = project.site;
  const d = site.defaults;
  const howTo = {
    channels: honestChannels(CHANNELS, site),
    replyDays: d.reply_days,
    noticeDays: d.notice_min_days,
    renewByDay: d.renew_by_day,
    supervisionPhone: site.supervision_phone,
    ...(site.requests?.mailbox ? { mailbox: site.requests.mailbox } : {}),
  };
  const base = {
    county: site.county,
    publisher: site.publisher,
    siteTitle: site.title,
    siteUrl: site.base_url,
    bleedMm: site.print.bleed_mm,
    paperUm: site.media.booklet_paper_um,
    red: site.print.party_red,
    howTo,
  };
  const copies = (units: readonly Unit[]) => {
    const households = units.reduce((n, u) => n + (u.households ?? 0), 0);
    return households ? { copies: Math.ceil(households * (1 + d.card_spare_percent / 100)) } : {};
  };
  const jobs: BookletJob[] = [];
  for (const town of project.units.filter((u) => u.kind === 'town')) {
    const units = [town, ...project.units.filter((u) => u.parent === town.id && u.kind === 'village')];
    const parts = units.map((u) => bookletUnit(project, u, today));
    jobs.push({ ...base, date: newestDate(parts, today), id: town.id, title: `${town.name}党务公开服务指南`, units: parts, ...copies(units) });
  }
  const committee = project.units.find((u) => u.kind === 'county-committee');
  const countyUnits = project.units.filter((u) => u.kind === 'county-unit');
  if (committee) {
    const directory = countyUnits.map((u) => {
      const c = requestContacts(u, project.units, site);
      return [u.name, c.phone ?? '—', c.address ?? '—'];
    });
    const parts = [bookletUnit(project, committee, today)];
    jobs.push({ ...base, date: newestDate(parts, today), id: 'county', title: `${site.county}党务公开服务指南`, units: parts, directory });
  }
  return jobs;
}

/** Where a booklet's files go, relative to the output folder. */
export const bookletFiles = (id: string) => ({
  pages: `channels/booklets/${id}.pdf`,
  a4: `channels/booklets/${id}-A4.pdf`,
  a3: `channels/booklets/${id}-A3.pdf`,
  ticket: `channels/booklets/${id}-ticket.txt`,
});
