/**
 * The posting table (公开栏张贴情况) in the report's three formats: Markdown for people, CSV
 * (one row per board) for spreadsheets, JSON for other tools. Chinese throughout.
 */
import { toCsv } from '../domain/csv.ts';
import { formatChineseDate } from '../domain/dates.ts';
import { POSTING_STATE_LABELS, POSTING_STATES, releaseDay, type PostingCounts } from '../domain/postings/posting-state.ts';
import type { PostingRow, PostingTable } from '../domain/postings/posting-table.ts';

const HEADER = [
  '公开栏',
  '单位',
  '单位名称',
  '所属镇（街道）',
  '位置',
  '最新版本',
  '最新版本发布日期',
  '照片中的版本',
  '照片日期',
  '状态',
  '发布后工作日',
  '照片',
  '说明',
];

/** The row's cells, shared by the CSV and the page. */
export function postingCells(r: PostingRow, townName: (id: string | undefined) => string) {
  return {
    board: r.boardId,
    unit: r.unit,
    unitName: r.unitName,
    town: townName(r.town),
    location: r.location,
    latestMark: r.latest?.mark ?? '—',
    latestFrom: r.latest?.from ?? '—',
    seenMark: r.photo?.mark ?? (r.photo?.state === 'older' ? '旧版（无版本标记）' : ''),
    photoDate: r.photo?.photo.date ?? '',
    state: POSTING_STATE_LABELS[r.state],
    workingDays: r.workingDays,
    file: r.photo?.photo.file ?? '',
    advice: r.photo?.advice ?? '',
  };
}

const countLine = (c: PostingCounts): string => `公开栏 ${c.boards} 块：${POSTING_STATES.map((s) => `${POSTING_STATE_LABELS[s]} ${c[s]}`).join('，')}`;

export function postingsCsv(t: PostingTable, townName: (id: string | undefined) => string): string {
  return toCsv(
    HEADER,
    t.rows.map((r) => Object.values(postingCells(r, townName))),
  );
}

export function postingsJson(t: PostingTable): string {
  return JSON.stringify(
    {
      统计日期: t.today,
      张贴期限工作日: t.postingDays,
      照片数: t.photos,
      全县: t.county,
      按镇汇总: t.towns,
      公开栏: t.rows.map((r) => ({
        board: r.boardId,
        unit: r.unit,
        town: r.town ?? null,
        location: r.location,
        latest: r.latest,
        state: r.state,
        stateLabel: POSTING_STATE_LABELS[r.state],
        workingDays: r.workingDays ?? null,
        photo: r.photo
          ? {
              file: r.photo.photo.file,
              date: r.photo.photo.date ?? null,
              dateSource: r.photo.photo.dateSource ?? null,
              mark: r.photo.mark ?? null,
              advice: r.photo.advice ?? null,
            }
          : null,
      })),
      未对应公开栏的文件夹: t.strayFolders,
    },
    null,
    2,
  );
}

export function postingsMarkdown(t: PostingTable, townName: (id: string | undefined) => string): string {
  const out = [
    `# 公开栏张贴情况（${formatChineseDate(t.today)}）`,
    '',
    `依据 content/postings/ 中的张贴照片：照片里二维码的版本标记与印刷记录比对。新版发布后 ${t.postingDays} 个工作日内拍到新版记为按时张贴。`,
    '',
    `全县：${countLine(t.county)}。`,
    '',
    '## 按镇（街道）汇总',
    '',
    `| 范围 | 公开栏 | ${POSTING_STATES.map((s) => POSTING_STATE_LABELS[s]).join(' | ')} |`,
    `| --- | --- | ${POSTING_STATES.map(() => '---').join(' | ')} |`,
    ...t.towns.map((x) => `| ${x.name} | ${x.boards} | ${POSTING_STATES.map((s) => x[s]).join(' | ')} |`),
    '',
    '## 各公开栏',
    '',
    '| 公开栏 | 单位 | 最新版本（发布日期） | 照片中的版本 | 照片日期 | 状态 | 说明 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...t.rows.map((r) => {
      const c = postingCells(r, townName);
      return `| ${c.board} | ${c.unitName} | ${r.latest ? `${c.latestMark}（${c.latestFrom}）` : '—'} | ${c.seenMark || '—'} | ${c.photoDate || '—'} | ${c.state}${r.workingDays !== undefined ? `（${r.workingDays} 个工作日）` : ''} | ${c.advice || (r.photo ? c.file : '')} |`;
    }),
  ];
  if (t.strayFolders.length)
    out.push(
      '',
      `注意：content/postings/ 下的文件夹 ${t.strayFolders.join('、')} 不是 boards.yaml 中的公开栏编号，其中的照片没有读取，也不会发布。请把文件夹改名为公开栏编号。`,
    );
  return out.join('\n') + '\n';
}

/** A board's latest release date, as the page prints it. */
export { releaseDay };
