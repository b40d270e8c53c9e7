/**
 * Release-note keys of household card sheets: one PrintKey per unit (kind 'card'), keyed by
 * the card renderer's cache key, so the same key means the same printed sheet. Its entries are
 * the lines on the front as printed; its parts say what else can make a sheet change (size,
 * layout, imposition, print run, back).
 */
import { createHash } from 'node:crypto';
import { cardKey } from './cache.ts';
import { cardJobs, type CardJob } from './card-job.ts';
import type { PrintKey, PrintPart, ProductKeys } from './print-keys.ts';

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function cardParts(job: CardJob): PrintPart[] {
  const imp = job.imposition;
  return [
    { name: '尺寸', value: `${job.widthMm}×${job.heightMm} 毫米`, readable: true },
    { name: '版式', value: `${job.templateId}（${digest(job.layout)}）`, readable: false },
    { name: '拼版', value: `${imp.sheet}${imp.landscape ? '横放' : '竖放'}，每张 ${imp.front.length} 张卡`, readable: true },
    { name: '印数', value: job.sheets === undefined ? '未填写户数' : `${job.sheets} 张`, readable: true },
    { name: '反面', value: digest([job.backTitle, job.back, job.qrUrl, job.qrCaption]), readable: false },
    { name: '出血和最小字号', value: `出血 ${job.bleedMm} 毫米，文字不小于 ${job.bodyMinPt} 磅`, readable: true },
    { name: '更新日期', value: job.date, readable: true, followsEntries: true },
  ];
}

/** One card sheet per unit. */
export const cardKeys: ProductKeys = (project, today) => {
  const titles = new Map(project.entries.map((e) => [e.id, e.data.title]));
  return cardJobs(project, today).map(
    (job): PrintKey => ({
      kind: 'card',
      id: job.unitId,
      unit: job.unitId,
      key: cardKey(job),
      file: `print/cards/${job.unitId}.pdf`,
      place: '发给群众，每户一张',
      size: `${job.widthMm}×${job.heightMm}`,
      entries: job.lines.map((l) => ({ id: l.id, title: titles.get(l.id) ?? l.text, digest: digest([l.label, l.text]) })),
      parts: cardParts(job),
    }),
  );
};

