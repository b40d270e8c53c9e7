/**
 * The media stage of a build: from the checked project and the build's day, into
 * <outDir>/channels/ —
 *   led/<unit>.txt and <unit>-gb2312.txt   every unit's LED strip text (UTF-8; GB2312 for controller software)
 *   broadcast/<unit>.txt and .pdf           every town's and village's loudspeaker script for this week
 *   booklets/<id>.pdf, -A4.pdf, -A3.pdf, -ticket.txt, booklets.csv   the 服务指南 of each town and the county
 *   share/<unit>/<slug>-<n>.png and <slug>.json   share pictures of the entries share-scope.ts names
 *   newspaper/<yyyy-mm>.txt                 the monthly column for the county paper
 *   manifest.json                           what was made, with the figures
 * Everything goes through the publication gate (the selections it uses call it). Rendered
 * files (pictures, PDFs) are cached by content (media-cache.ts) and made in worker threads at
 * low priority; text files are cheap and written afresh.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Project } from '../../domain/model.ts';
import { placeFile } from '../../io/write-atomic.ts';
import { siblingModule } from '../../project-root.ts';
import { runInWorkers } from '../../workers/pool.ts';
import { bookletFiles, bookletJobs } from '../booklet.ts';
import { broadcastScript, broadcastUnits, weekOf } from '../broadcast.ts';
import { encodeGb2312 } from '../gb2312.ts';
import { ledNoteText, ledText } from '../led.ts';
import { newspaperColumn, newspaperFile } from '../newspaper.ts';
import { shareEntries, shareFiles } from '../share-scope.ts';
import { shareJob } from '../share-layout.ts';
import { mediaKey, MediaCache, type CachedMedia } from './media-cache.ts';
import { renderMediaTask, type BookletMeta, type MediaMeta, type MediaTask, type ShareMeta } from './media-tasks.ts';

export interface MediaOptions {
  project: Project;
  today: string;
  outDir: string;
  cacheDir: string;
  threads?: number;
  log?: (line: string) => void;
}

export interface MediaResult {
  led: number;
  /** Characters outside GB2312, one line each, naming the entry. */
  ledNotes: string[];
  broadcast: number;
  booklets: { id: string; title: string; pages: number; sheets: number }[];
  /** cpuMs: per picture drawn in this build (layout and drawing, split over an entry's pictures). */
  share: { entries: number; pictures: number; rendered: number; cached: number; bytes: number; cpuMs: number[] };
  newspaper: number;
  rendered: number;
  cached: number;
  seconds: number;
}

const write = (file: string, data: string | Uint8Array) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
};

/** A cached file linked (or copied) into the output, its folder made as needed. */
const place = (from: string, to: string) => {
  mkdirSync(dirname(to), { recursive: true });
  placeFile(from, to);
};

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function runMedia(o: MediaOptions): Promise<MediaResult> {
  const started = performance.now();
  const { project, today } = o;
  const out = (rel: string) => join(o.outDir, rel);
  const cache = new MediaCache(o.cacheDir);

  // LED strips: every unit.
  const ledNotes: string[] = [];
  for (const unit of project.units) {
    const t = ledText(project, unit.id, today);
    const text = `${t.lines.join('\n')}\n`;
    write(out(`channels/led/${unit.id}.txt`), text);
    write(out(`channels/led/${unit.id}-gb2312.txt`), encodeGb2312(text));
    ledNotes.push(...t.notes.map((n) => ledNoteText(n, unit.name)));
  }

  if (ledNotes.length) write(out('channels/led/notes.txt'), `${ledNotes.join('\n')}\n`);

  // Loudspeaker scripts: towns and villages, this week (Monday to Sunday) as it stands today.
  const week = weekOf(today)!;
  const todo: MediaTask[] = [];
  const placed: { task: MediaTask; done: (c: CachedMedia<MediaMeta>) => void }[] = [];
  const want = (task: MediaTask, done: (c: CachedMedia<MediaMeta>) => void) => {
    const hit = cache.get<MediaMeta>(task.key);
    if (hit) done(hit);
    else {
      todo.push(task);
      placed.push({ task, done });
    }
  };
  const scripts = broadcastUnits(project).map((u) => broadcastScript(project, u.id, week, today));
  for (const s of scripts) {
    write(out(`channels/broadcast/${s.unitId}.txt`), s.text);
    want({ kind: 'broadcast', job: s, date: week.from, key: mediaKey('broadcast', s), cacheDir: cache.dir }, (c) =>
      place(c.files['script.pdf']!, out(`channels/broadcast/${s.unitId}.pdf`)),
    );
  }

  // Booklets: each town and the county.
  const booklets: MediaResult['booklets'] = [];
  const bookletRows: string[] = [];
  for (const job of bookletJobs(project, today)) {
    want({ kind: 'booklet', job, key: mediaKey('booklet', job), cacheDir: cache.dir }, (c) => {
      const f = bookletFiles(job.id);
      place(c.files['pages.pdf']!, out(f.pages));
      place(c.files['a4.pdf']!, out(f.a4));
      place(c.files['a3.pdf']!, out(f.a3));
      place(c.files['ticket.txt']!, out(f.ticket));
      const m = c.meta as BookletMeta;
      booklets.push({ id: job.id, title: job.title, pages: m.pages, sheets: m.sheets });
      bookletRows.push([job.id, job.title, m.pages, m.sheets, m.creepMm, job.copies ?? '', f.pages, f.a4, f.a3, f.ticket].map(csvCell).join(','));
    });
  }

  // Share pictures.
  const share: MediaResult['share'] = { entries: 0, pictures: 0, rendered: 0, cached: 0, bytes: 0, cpuMs: [] };
  for (const e of shareEntries(project, today)) {
    const job = shareJob(e, project);
    const files = shareFiles(e);
    const task: MediaTask = { kind: 'share', job, key: mediaKey('share', job), cacheDir: cache.dir };
    const done = (c: CachedMedia<MediaMeta>, fresh: boolean) => {
      const m = c.meta as ShareMeta;
      const pictures = Array.from({ length: m.pictures }, (_, i) => files.picture(i + 1));
      pictures.forEach((p, i) => place(c.files[`${i + 1}.png`]!, out(p)));
      write(
        out(files.list),
        JSON.stringify({ entry: e.id, title: e.data.title, url: job.url, pictures: pictures.map((p) => p.split('/').pop()), heights: m.heights }),
      );
      share.entries++;
      share.pictures += m.pictures;
      share.bytes += m.bytes;
      if (fresh) {
        share.rendered++;
        share.cpuMs.push(m.cpuMs / Math.max(1, m.pictures));
      } else share.cached++;
    };
    const hit = cache.get<MediaMeta>(task.key);
    if (hit) done(hit, false);
    else {
      todo.push(task);
      placed.push({ task, done: (c) => done(c, true) });
    }
  }

  // The monthly column for the county paper: the last complete month's.
  const column = newspaperColumn(project, today);
  write(out(newspaperFile(column.month)), column.text);

  const after = new Map(placed.map((p) => [p.task.key, p.done]));
  const threads = Math.min(o.threads ?? availableParallelism(), todo.length);
  if (threads <= 1) for (const t of todo) after.get(t.key)!(await renderMediaTask(t));
  else
    await runInWorkers<MediaTask, CachedMedia<MediaMeta>>(siblingModule('worker', import.meta.url), todo, (t, c) => after.get(t.key)!(c), {
      threads,
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
      label: (t) => (t.kind === 'share' ? `分享图片 ${t.job.entryId}` : t.kind === 'booklet' ? `服务指南 ${t.job.id}` : `广播稿 ${t.job.unitId}`),
      background: true,
    });

  booklets.sort((a, b) => (a.id < b.id ? -1 : 1));
  bookletRows.sort();
  write(out('channels/booklets/booklets.csv'), `\uFEFF标识,名称,页数,印张,爬移（毫米）,印数,单页文件,A4拼版,A3拼版,施工单\n${bookletRows.join('\n')}\n`);
  const result: MediaResult = {
    led: project.units.length,
    ledNotes,
    broadcast: scripts.length,
    booklets,
    share,
    newspaper: 1,
    rendered: todo.length,
    cached: scripts.length + booklets.length + share.entries - todo.length,
    seconds: (performance.now() - started) / 1000,
  };
  write(
    out('channels/manifest.json'),
    `${JSON.stringify(
      {
        generated: today,
        week,
        led: { units: result.led, width: project.site.media.led_width, notes: ledNotes.length },
        broadcast: scripts.map((s) => ({ unit: s.unitId, seconds: s.seconds, items: s.sections.reduce((n, x) => n + x.items.length, 0) })),
        booklets,
        share: { scope: project.site.media.share_images, entries: share.entries, pictures: share.pictures, bytes: share.bytes },
        newspaper: newspaperFile(column.month),
      },
      null,
      1,
    )}\n`,
  );
  return result;
}

/** One line for the build's output. */
export function mediaSummary(r: MediaResult): string {
  const kib = r.share.pictures ? Math.round(r.share.bytes / r.share.pictures / 1024) : 0;
  const cpu = r.share.cpuMs.length ? `，新画的每张 CPU 中位 ${median(r.share.cpuMs).toFixed(0)} 毫秒` : '';
  return `其它媒体：LED 文字 ${r.led} 个单位、广播稿 ${r.broadcast} 个、服务指南 ${r.booklets.length} 本（${r.booklets.reduce((n, b) => n + b.pages, 0)} 页）、分享图片 ${r.share.entries} 条 ${r.share.pictures} 张（平均 ${kib} KiB；新画 ${r.share.rendered}，沿用缓存 ${r.share.cached}${cpu}）`;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
