/**
 * `gongkai diff <base>`: which entries, pages, boards and cards a change affects, from git —
 * the basis of the pull-request summary and of "reprint only these boards".
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProject } from '../content/load-project.ts';
import { impactOf } from '../domain/impact.ts';
import { changedPaths, GitError, registryAt, repoRoot, resolveRev } from '../git/git-changes.ts';
import { renderSummary } from '../review/summary-markdown.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { UsageError } from '../errors.ts';
import { DIFF_USAGE } from './usage.ts';

export function diffCommand(argv: string[]): number {
  const { values, positionals } = parseFlags(
    argv,
    {
      head: { type: 'string' },
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      format: { type: 'string', default: 'text' },
      dist: { type: 'string', default: 'dist' },
      'preview-url': { type: 'string' },
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
  const dirs = resolveDirs(values);
  let root: string;
  try {
    root = repoRoot(dirs.content);
    resolveRev(root, base);
    if (values.head) resolveRev(root, values.head);
  } catch (e) {
    throw new UsageError(e instanceof GitError ? e.message : String(e));
  }
  const loaded = loadProject({ contentDir: dirs.content, templatesDir: dirs.templates, displayRoot: root });
  const after = { units: loaded.project?.units ?? [], boards: loaded.project?.boards ?? [] };
  const before = registryAt(root, base, dirs.content);
  const contentPath = relative(root, dirs.content).split('\\').join('/');
  const impact = impactOf(changedPaths(root, base, values.head), contentPath, before, after);

  let text: string;
  if (values.format === 'json') {
    text = JSON.stringify({ base, head: values.head ?? '工作区', ...impact, errors: loaded.errorCount, warnings: loaded.warningCount }, null, 2) + '\n';
  } else if (values.format === 'markdown') {
    const previews = join(values.dist!, 'print/previews');
    const available = new Set(
      existsSync(previews)
        ? readdirSync(previews)
            .filter((f) => f.endsWith('.png'))
            .map((f) => f.slice(0, -4))
        : [],
    );
    const server = process.env.GITHUB_SERVER_URL ?? process.env.CI_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY ?? process.env.CI_PROJECT_PATH;
    const sha = process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
    const previewBase = values['preview-url']?.replace(/\/$/, '');
    text = renderSummary({
      impact,
      registry: after,
      diagnostics: loaded.diagnostics,
      filesChecked: loaded.fileCount,
      previewsAvailable: available,
      ...(server && repo && sha
        ? { fileUrl: (p: string, l: number) => `${server}/${repo}/${process.env.CI_SERVER_URL ? '-/' : ''}blob/${sha}/${p}#L${l}` }
        : {}),
      ...(previewBase ? { previewUrl: (id: string) => `${previewBase}/${id}.png` } : {}),
    });
  } else {
    const lines = [`从 ${base} 到${values.head ? ` ${values.head}` : '当前工作区'}：`];
    if (impact.everything.length) lines.push(`  全部公开栏和明白卡都受影响（${impact.everything.join('、')}）`);
    for (const e of impact.entries) lines.push(`  条目  ${e.path}（${{ added: '新增', modified: '修改', deleted: '删除', renamed: '改名' }[e.status]}）`);
    for (const r of impact.requests) lines.push(`  点题  ${r.path}`);
    for (const p of impact.pages) lines.push(`  页面  ${p}`);
    lines.push(
      `  公开栏 ${impact.boards.length} 块${impact.boards.length ? `：${impact.boards.slice(0, 30).join(' ')}${impact.boards.length > 30 ? ' ……' : ''}` : ''}`,
    );
    lines.push(`  明白卡 ${impact.cards.length} 个单位${impact.cards.length && impact.cards.length <= 30 ? `：${impact.cards.join(' ')}` : ''}`);
    if (loaded.errorCount) lines.push(`  注意：内容有 ${loaded.errorCount} 个错误，请运行 npm run check 查看。`);
    text = lines.join('\n') + '\n';
  }
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return loaded.errorCount > 0 && values.format === 'markdown' ? 1 : 0;
}
