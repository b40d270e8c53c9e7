/**
 * `gongkai diff <base>`: what a change means for the public, the boards and the cards — the
 * pull-request summary (--format markdown), a list for people (text) or for scripts (json).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { consoleLog, type Log } from '../pipeline/log.ts';
import { runReview } from '../pipeline/run-review.ts';
import { defaultCacheRoot } from '../project-root.ts';
import { CHANGE_LABELS, PRINT_KIND_LABELS } from '../review/release-diff.ts';
import { renderSummary } from '../review/summary-markdown.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';
import { UsageError } from '../errors.ts';
import { DIFF_USAGE } from './usage.ts';

const quiet: Log = { info: () => {}, warn: (s) => process.stderr.write(s) };

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      head: { type: 'string' },
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      format: { type: 'string', default: 'text' },
      previews: { type: 'string', default: 'previews' },
      'preview-url': { type: 'string' },
      today: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    DIFF_USAGE,
  );
  if (values.help) {
    console.log(DIFF_USAGE);
    return 0;
  }
  const base = positionals[0];
  if (!base || positionals.length > 1) throw new UsageError(`请给出一个基准版本。\n\n${DIFF_USAGE}`);
  if (!['text', 'json', 'markdown'].includes(values.format!)) throw new UsageError(`--format 只能是 text、json 或 markdown。`);
  const markdown = values.format === 'markdown';
  // Progress goes to stderr, and only for the summary: text and json may be piped.
  const log = markdown ? { info: (s: string) => process.stderr.write(s), warn: (s: string) => process.stderr.write(s) } : quiet;
  // The products compared are printed with the build's cache, so what the build already rendered is not rendered again.
  const cacheDir = join(defaultCacheRoot(), 'print');
  const today = { ...machineToday(), flag: values.today };
  // Pictures are drawn for the summary only.
  const previews = markdown ? { previews: { out: resolve(values.previews!) } } : {};
  const r = await runReview({ dirs: resolveDirs(values), base, head: values.head, today, cacheDir, ...previews }, log);
  const { review, head } = r;
  const rows = review.reprints.rows;
  const later = review.later.days;

  let text: string;
  if (values.format === 'json') {
    const ids = (list: typeof rows, kind: string) => list.filter((x) => x.kind === kind && x.change !== 'removed').map((x) => x.id);
    const reprints = (list: typeof rows) => ({ reprints: list, boards: ids(list, 'board'), cards: ids(list, 'card') });
    const json = {
      base,
      head: values.head ?? '工作区',
      today: r.today.date,
      files: review.files,
      ...reprints(rows),
      later: later.map((d) => ({ date: d.date, ...reprints(d.rows) })),
      laterNotChecked: review.later.notChecked,
      entries: r.impact.entries,
      errors: head.errorCount,
      warnings: head.warningCount,
    };
    text = JSON.stringify(json, null, 2) + '\n';
  } else if (markdown) {
    const shown = r.previews ?? { previews: [], pages: new Map<string, number>(), layout: new Map<string, string[]>(), leftOut: 0 };
    const server = process.env.GITHUB_SERVER_URL ?? process.env.CI_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY ?? process.env.CI_PROJECT_PATH;
    const sha = process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
    const previewBase = values['preview-url']?.replace(/\/$/, '');
    text = renderSummary({
      review,
      diagnostics: head.diagnostics,
      filesChecked: head.fileCount,
      today: r.today.date,
      pages: shown.pages,
      layout: shown.layout,
      previews: shown.previews,
      previewsLeftOut: shown.leftOut,
      ...(server && repo && sha
        ? { fileUrl: (p: string, l: number) => `${server}/${repo}/${process.env.CI_SERVER_URL ? '-/' : ''}blob/${sha}/${p}#L${l}` }
        : {}),
      ...(previewBase ? { previewUrl: (name: string) => `${previewBase}/${name}` } : {}),
    });
  } else {
    const lines = [`从 ${base} 到${values.head ? ` ${values.head}` : '当前工作区'}（按 ${r.today.date} 的内容）：`];
    for (const f of review.files.filter((x) => x.kind !== 'other')) lines.push(`  ${f.title ? `《${f.title}》` : f.path}：${f.placement}`);
    lines.push(rows.length ? '  需要重新印刷：' : '  不需要重新印刷任何公开栏和明白卡。');
    for (const x of rows) lines.push(`    ${PRINT_KIND_LABELS[x.kind]} ${x.id}（${x.unitName}）：${CHANGE_LABELS[x.change]}`);
    for (const d of later) {
      lines.push(`  ${d.date} 起需要重新印刷：`);
      for (const x of d.rows) lines.push(`    ${PRINT_KIND_LABELS[x.kind]} ${x.id}（${x.unitName}）：${x.reasons.join('；')}`);
    }
    if (head.errorCount) lines.push(`  注意：内容有 ${head.errorCount} 个错误，请运行 npm run check 查看。`);
    text = lines.join('\n') + '\n';
  }
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return head.errorCount > 0 && markdown ? 1 : 0;
}
