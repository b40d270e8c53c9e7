/**
 * `gongkai build [--content DIR] [--out DIR]`: check, then build the site into a fresh
 * folder and swap it in, so a failed build never leaves a half-written dist/.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { scanForLeaks } from '../build/leak-scan.ts';
import { leakNeedles } from '../domain/safety/leak-needles.ts';
import { publicEntries } from '../domain/publication.ts';
import { entryImages, publishImages } from '../render/entry-images.ts';
import { ContentError, StageError } from './errors.ts';

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹]
  先检查内容（有错误就停止），再生成网站到输出文件夹（默认 dist）。`;


export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h' },
    },
    BUILD_USAGE,
  );
  if (values.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  const { content, templates } = resolveDirs(values);
  const out = resolve(values.out!);

  console.log('【1/3】检查内容…');
  const checked = runCheck({ content, templates, json: false });
  if (checked.errorCount > 0) throw new ContentError('内容有错误，构建已停止，没有改动输出文件夹。');

  console.log('【2/3】生成网站…');
  const staging = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  // Astro reads the content folder through src/content.config.ts, which reads these.
  process.env.GONGKAI_CONTENT_DIR = content;
  process.env.GONGKAI_TEMPLATES_DIR = templates;
  // The build machine has no network: never try to send Astro's usage statistics.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: staging, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn' });
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new StageError('网站', e instanceof Error ? e.message : String(e));
  }
  try {
    // Only images of public entries are published, through the same gate as the pages.
    await publishImages(entryImages(publicEntries(checked.project?.entries ?? [])), staging);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new StageError('图片', e instanceof Error ? e.message : String(e));
  }
  console.log('【3/3】检查输出中有没有党内内容…');
  const leaks = scanForLeaks(staging, leakNeedles(checked.project?.entries ?? []));
  if (leaks.hits.length || leaks.unreadable.length) {
    for (const h of leaks.hits) console.error(`泄露：${h.file} 含有党内条目 ${h.source} 的内容“${h.needle.slice(0, 30)}”`);
    for (const f of leaks.unreadable) console.error(`无法检查：${f}（读不出文字，请安装 poppler-utils 中的 pdftotext）`);
    rmSync(staging, { recursive: true, force: true });
    throw new ContentError('发现党内内容进入了公开输出，构建已停止，没有改动输出文件夹。这是程序的问题，请立即报告网站维护人员。');
  }
  console.log(`✓ 扫描了 ${leaks.filesScanned} 个文件、${leaks.needles} 条党内内容特征，没有发现泄露。`);
  const old = `${staging}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  console.log(`✓ 网站已生成：${values.out}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  return 0;
}
