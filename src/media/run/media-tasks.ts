/**
 * What the media workers do, one task at a time with the fonts parsed once per thread: a
 * share picture set (layout → 16-colour PNGs), a booklet (layout → its pages PDF and the A4
 * and A3 impositions, and the job ticket), a broadcast script's A4 sheet. Each task puts its
 * files into the media cache itself and sends back only the figures and the cached paths.
 */
import { join } from 'node:path';
import type { BookletJob } from '../booklet.ts';
import { imposeBooklet } from '../booklet-imposition.ts';
import { A5, layoutBooklet } from '../booklet-layout.ts';
import type { BroadcastScript } from '../broadcast.ts';
import { layoutBroadcast } from '../broadcast-layout.ts';
import { layoutShare, type ShareJob } from '../share-layout.ts';
import { entryBlocks } from '../../print/layout/entry-blocks.ts';
import { imagesOnDisk } from '../../print/jobs/entry-images.ts';
import { fontMeasurer } from '../../print/render/fonts.ts';
import { renderBookletPages, renderImposedBooklet } from '../../print/render/render-booklet.ts';
import { renderPlainPdf } from '../../print/render/render-pdf.ts';
import { renderSharePicture } from '../../print/render/share-png.ts';
import { bookletTicket } from '../booklet-ticket.ts';
import { MediaCache, type CachedMedia } from './media-cache.ts';

export type MediaTask =
  | { kind: 'share'; job: ShareJob; key: string; cacheDir: string }
  | { kind: 'booklet'; job: BookletJob; key: string; cacheDir: string }
  | { kind: 'broadcast'; job: BroadcastScript; key: string; cacheDir: string; date: string };

export interface ShareMeta {
  pictures: number;
  heights: number[];
  bytes: number;
  /** CPU time of layout and drawing, in ms (the figures the bench reports). */
  cpuMs: number;
}
export interface BookletMeta {
  pages: number;
  contentPages: number;
  sheets: number;
  creepMm: number;
  contents: { title: string; page: number }[];
}
export type MediaMeta = ShareMeta | BookletMeta | { pages: number };

const caches = new Map<string, MediaCache>();
const cacheFor = (dir: string) => {
  let c = caches.get(dir);
  if (!c) caches.set(dir, (c = new MediaCache(dir)));
  return c;
};
// This thread's CPU time: process.cpuUsage() counts every thread of the process, so with two media
// workers and the main thread busy it would charge each picture with the others' work too.
const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

export async function renderMediaTask(t: MediaTask): Promise<CachedMedia<MediaMeta>> {
  const cache = cacheFor(t.cacheDir);
  const m = fontMeasurer();
  switch (t.kind) {
    case 'share': {
      const started = cpu();
      const pages = layoutShare(
        t.job,
        entryBlocks(t.job.body, () => undefined),
        m,
      );
      const files: Record<string, Buffer> = {};
      pages.forEach((p, i) => (files[`${i + 1}.png`] = renderSharePicture(p, t.job.red, { title: t.job.title }).png));
      const meta: ShareMeta = {
        pictures: pages.length,
        heights: pages.map((p) => p.height),
        bytes: Object.values(files).reduce((n, f) => n + f.length, 0),
        cpuMs: Math.round((cpu() - started) * 10) / 10,
      };
      return cache.put(t.key, files, meta);
    }
    case 'booklet': {
      const job = t.job;
      const laid = layoutBooklet(
        job,
        (e) =>
          entryBlocks(
            e.body,
            imagesOnDisk((src) => join(e.dir, decodeURI(src.split(/[?#]/)[0]!))),
          ),
        m,
      );
      const n = laid.pages.length;
      const meta = { title: job.title, author: job.publisher, date: job.date };
      const a4 = imposeBooklet(A5.w, A5.h, n, 'A4', job.bleedMm, job.paperUm);
      const a3 = imposeBooklet(A5.w, A5.h, n, 'A3', job.bleedMm, job.paperUm);
      const files = {
        'pages.pdf': await renderBookletPages(laid.pages, job.bleedMm, {
          ...meta,
          subject: `服务指南（A5 成品148×210毫米，出血${job.bleedMm}毫米，共${n}页，骑马钉）`,
        }),
        'a4.pdf': await renderImposedBooklet(
          laid.pages,
          a4,
          job.bleedMm,
          { ...meta, title: `${job.title}（A4拼版）`, subject: `A4横放双面打印（短边翻转），共${n / 4}张，对折后骑马钉` },
          m,
        ),
        'a3.pdf': await renderImposedBooklet(
          laid.pages,
          a3,
          job.bleedMm,
          { ...meta, title: `${job.title}（A3拼版）`, subject: `A3横放双面印刷，共${n / 4}张，骑马钉后裁切` },
          m,
        ),
      };
      const bm: BookletMeta = { pages: n, contentPages: laid.contentPages, sheets: n / 4, creepMm: a3.creepMm, contents: laid.contents };
      return cache.put(t.key, { ...files, 'ticket.txt': bookletTicket(job, bm) }, bm);
    }
    case 'broadcast': {
      const pages = layoutBroadcast(t.job, m);
      const pdf = await renderPlainPdf(pages, { title: t.job.title, author: t.job.unitName, subject: t.job.note, date: t.date });
      return cache.put(t.key, { 'script.pdf': pdf }, { pages: pages.length });
    }
  }
}
