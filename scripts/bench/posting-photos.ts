/**
 * `npm run bench -- --only postings`: how often a posting photo's QR code is read. Every board
 * of the mini county (the templates the demo's boards use: county unit, town, village, small)
 * is printed, photographed by the simulated phone (test/photo-synth.ts) under one distortion at
 * a time from a common case (12 MP, 3 m, straight on, sharp, JPEG 85, even light), and read by
 * the real posting reader. A board too wide for the photo at the distance asked (3.6 m from 2 m)
 * is photographed from where it fits, as a photographer steps back. Reports the decode rate per distortion and the reading time per photo.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../../src/load/load-project.ts';
import { readPostingPhoto } from '../../src/load/posting-photos.ts';
import { runPrint } from '../../src/print/run/print-stage.ts';
import { PHONES, photograph, type Phone, type Shot } from '../../test/photo-synth.ts';
import { median } from './targets.ts';
import type { Project } from '../../src/domain/model.ts';

/** One board per template: the one whose unit has the most entries (the fullest board, with no 点题 band and its large code). */
export function fullestPerTemplate(project: Project): string[] {
  const entries = new Map<string, number>();
  for (const e of project.entries) entries.set(e.unit, (entries.get(e.unit) ?? 0) + 1);
  const best = new Map<string, { id: string; n: number }>();
  for (const b of project.boards) {
    const n = entries.get(b.unit) ?? 0;
    if ((best.get(b.template)?.n ?? -1) < n) best.set(b.template, { id: b.id, n });
  }
  return [...best.values()].map((b) => b.id);
}

export interface DecodeRow {
  label: string;
  decoded: number;
  photos: number;
  /** Median reading time per photo (sharp decode, EXIF, QR search), milliseconds. */
  readMs: number;
  failed: string[];
}

/** The distance at which a board fills nine tenths of the photo's width or height, straight on. */
export function wholeBoardDistanceM(widthMm: number, heightMm: number, phone: Phone): number {
  const f = phone.width / 2 / Math.tan((phone.hfovDeg * Math.PI) / 360);
  return Math.max((widthMm * f) / (0.9 * phone.width), (heightMm * f) / (0.9 * phone.height)) / 1000;
}

const BASE: Shot = { phone: PHONES['12MP']!, distanceM: 3, yawDeg: 0, blur: 0, jpegQuality: 85, light: 'even' };

export const DISTORTIONS: [label: string, shot: Partial<Shot>][] = [
  ['基准：1200 万像素，3 米，正对，清晰，JPEG 85，光线均匀', {}],
  ['距离 2 米', { distanceM: 2 }],
  ['距离 4 米', { distanceM: 4 }],
  ['斜拍 20°', { yawDeg: 20 }],
  ['斜拍 35°', { yawDeg: 35 }],
  ['斜拍 50°', { yawDeg: 50 }],
  ['模糊 σ=1 像素', { blur: 1 }],
  ['模糊 σ=2 像素', { blur: 2 }],
  ['模糊 σ=3 像素', { blur: 3 }],
  ['JPEG 质量 60', { jpegQuality: 60 }],
  ['JPEG 质量 35', { jpegQuality: 35 }],
  ['一侧暗（侧光）', { light: 'side' }],
  ['下半部在阴影里', { light: 'shade' }],
  ['800 万像素', { phone: PHONES['8MP']! }],
  ['800 万像素，2 米', { phone: PHONES['8MP']!, distanceM: 2 }],
  ['800 万像素，4 米', { phone: PHONES['8MP']!, distanceM: 4 }],
  ['5000 万像素（全像素）', { phone: PHONES['50MP']! }],
  ['常见手机照：3 米，斜 20°，模糊 σ=1，侧光，JPEG 80', { yawDeg: 20, blur: 1, light: 'side', jpegQuality: 80 }],
  ['常见手机照，2 米', { distanceM: 2, yawDeg: 20, blur: 1, light: 'side', jpegQuality: 80 }],
  ['常见手机照，4 米', { distanceM: 4, yawDeg: 20, blur: 1, light: 'side', jpegQuality: 80 }],
  ['常见手机照，800 万像素，3 米', { phone: PHONES['8MP']!, yawDeg: 20, blur: 1, light: 'side', jpegQuality: 80 }],
  ['较差：4 米，斜 35°，模糊 σ=1.5，侧光，JPEG 60', { distanceM: 4, yawDeg: 35, blur: 1.5, light: 'side', jpegQuality: 60 }],
  ['走近拍页脚二维码：1 米，斜 20°，模糊 σ=1，侧光，JPEG 80', { distanceM: 1, yawDeg: 20, blur: 1, light: 'side', jpegQuality: 80, aimMm: 'footer-qr' }],
  [
    '走近拍页脚二维码：1.5 米，800 万像素，斜 30°，模糊 σ=1.5，JPEG 60',
    { phone: PHONES['8MP']!, distanceM: 1.5, yawDeg: 30, blur: 1.5, jpegQuality: 60, aimMm: 'footer-qr' },
  ],
];

/**
 * `pick` chooses the boards to photograph (default: all); the demo's are many, so the bench
 * takes one per template, the first with the most entries on it.
 */
export async function postingDecodeRates(
  contentDir: string,
  templatesDir: string,
  today: string,
  pick?: (project: Project) => string[],
  only?: readonly string[],
): Promise<DecodeRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-postings-bench-'));
  try {
    const project = loadProject({ contentDir, templatesDir }).project!;
    const boards = pick?.(project);
    await runPrint({ project, outDir: work, today, cacheDir: join(work, 'cache'), threads: 1, index: false, log: () => {}, ...(boards ? { boards } : {}) });
    const rows: DecodeRow[] = [];
    for (const [label, change] of DISTORTIONS.filter(([l]) => !only || only.includes(l))) {
      const row: DecodeRow = { label, decoded: 0, photos: 0, readMs: 0, failed: [] };
      const times: number[] = [];
      // A board with nothing public on it that day has no file (empty-products.ts): nothing to photograph.
      for (const board of project.boards.filter((b) => existsSync(join(work, 'print/boards', `${b.id}.pdf`)))) {
        const shot = { ...BASE, ...change };
        // A whole board is photographed whole: from nearer than that, the photographer steps back until it fits.
        const distanceM = shot.aimMm ? shot.distanceM : Math.max(shot.distanceM, wholeBoardDistanceM(board.width_mm, board.height_mm, shot.phone));
        const jpg = await photograph(join(work, 'print/boards', `${board.id}.pdf`), board.width_mm, board.height_mm, { ...shot, distanceM });
        const path = join(work, `${board.id}.jpg`);
        writeFileSync(path, jpg);
        const t = performance.now();
        const read = await readPostingPhoto({ boardId: board.id, path, display: path }, { maxBytes: 1e9, maxPixels: 1e9 });
        times.push(performance.now() - t);
        row.photos++;
        if (read.links.some((l) => l.mark && l.page.includes(`/units/${board.unit}/`))) row.decoded++;
        else row.failed.push(board.id);
      }
      row.readMs = Math.round(median(times));
      rows.push(row);
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function decodeRatesReport(rows: readonly DecodeRow[]): string {
  const lines = ['| 拍摄条件 | 读出 | 读取用时（中位数） | 没读出的公开栏 |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.decoded}/${r.photos} | ${r.readMs} 毫秒 | ${r.failed.join('、') || '—'} |`);
  return lines.join('\n');
}
