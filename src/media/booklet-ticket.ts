/**
 * The booklet's job ticket (施工单) for the print shop or the office that prints it: size,
 * bleed, pages, binding, sheets, creep, quantity and which file is for whom. Also the row of
 * booklets.csv.
 */
import { formatChineseDate } from '../domain/dates.ts';
import { bookletFiles, type BookletJob } from './booklet.ts';

export interface BookletFigures {
  pages: number;
  contentPages: number;
  sheets: number;
  creepMm: number;
}

/** Saddle stitching holds up to about this many pages of 80 g/m² paper; more wants perfect binding. */
export const SADDLE_MAX_PAGES = 64;

export function bookletTicket(job: BookletJob, f: BookletFigures): string {
  const files = bookletFiles(job.id);
  const name = (p: string) => p.split('/').pop()!;
  return [
    `${job.title}　印刷施工单`,
    '',
    `成品尺寸：A5，148×210 毫米（竖放）`,
    `出血：${job.bleedMm} 毫米（单页文件 ${name(files.pages)} 设有成品框 TrimBox 和出血框 BleedBox，页外有裁切线）`,
    `页数：${f.pages} 页（含封面、封底；正文 ${f.contentPages} 页，${f.pages - f.contentPages ? `另有 ${f.pages - f.contentPages} 页“备忘”页补足 4 的倍数` : '正好是 4 的倍数'}）`,
    `装订：骑马钉（对折后在折线上钉两钉）${f.pages > SADDLE_MAX_PAGES ? `。注意：超过 ${SADDLE_MAX_PAGES} 页，骑马钉可能钉不牢，建议改为胶装或分册` : ''}`,
    `印张：${f.sheets} 张（每张双面，每面一个对页）`,
    `爬移补偿：按纸厚 ${job.paperUm / 1000} 毫米计算，从外往里每一张的页面向书脊移一个纸厚，最里一张共移 ${f.creepMm} 毫米（拼版文件中已做；自己拼版的请按此设置）`,
    `纸张建议：内页 80 克胶版纸；封面可用 157 克铜版纸（封面、封底在第 1 张的正面）`,
    `颜色：党政红 CMYK ${job.red.join('/')}，其余为黑色；PDF/X-1a`,
    ...(job.copies ? [`印数：${job.copies} 本（按户数另加备用）`] : ['印数：单位名录没有填写户数，请按实际户数印刷']),
    '',
    '文件：',
    `  ${name(files.pages)}：单页，每页带出血和裁切线，给用自己的软件拼版的印刷厂`,
    `  ${name(files.a3)}：A3 横放拼版，带出血、裁切线和折线标记；双面印刷后按张序叠好、对折、骑马钉，再裁切三边`,
    `  ${name(files.a4)}：A4 横放拼版，无出血，给办公室打印机：双面打印选“短边翻转”、按实际大小（100%），印完按张序叠好、对折、骑马钉，不用裁切`,
    '',
    `拼版顺序（第几张：正面左、右 / 反面左、右）：`,
    ...Array.from({ length: f.sheets }, (_, i) => {
      const k = i + 1;
      const n = f.pages;
      return `  第${k}张：正面 ${n - 2 * k + 2}、${2 * k - 1}　反面 ${2 * k}、${n - 2 * k + 1}`;
    }),
    '',
    `内容截至：${formatChineseDate(job.date)}`,
    '',
  ].join('\n');
}
