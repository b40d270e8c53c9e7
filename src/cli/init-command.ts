/**
 * `gongkai init`: a fresh content folder for the county's own site — site.yaml from five answers,
 * the standard catalogue, the county committee as the only unit, no boards and no entries — plus
 * CODEOWNERS. Asks in Chinese, or takes flags for scripts. Never replaces content without --force,
 * and then swaps the whole folder at once, so a failure leaves the old content as it was.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { expectedCodeowners } from '../load/check-codeowners.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { CODEOWNERS_HEADER, CODEOWNERS_PATH } from '../domain/codeowners.ts';
import { BOARDS_YAML, renderAboutPage, renderSiteYaml, renderUnitsYaml } from '../domain/init-files.ts';
import { SITE_HELP } from '../domain/field-help.ts';
import { siteSchema } from '../domain/schema/site.ts';
import { unitsFileSchema } from '../domain/schema/unit.ts';
import { UsageError } from '../errors.ts';
import { writeCountyRepo, type ScaffoldResult } from '../load/county-repo.ts';
import { PROJECT_ROOT, STANDARD_CATALOG } from '../project-root.ts';
import { parseFlags } from './args.ts';
import { collectAnswers } from './init-conversation.ts';
import { INIT_USAGE } from './usage.ts';

export async function initCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      county: { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string' },
      phone: { type: 'string' },
      forge: { type: 'string' },
      office: { type: 'string' },
      publisher: { type: 'string' },
      launch: { type: 'string' },
      dir: { type: 'string', default: '.' },
      force: { type: 'boolean', default: false },
      gongkai: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    INIT_USAGE,
  );
  if (values.help) {
    console.log(INIT_USAGE);
    return 0;
  }
  const root = resolve(process.env.INIT_CWD ?? process.cwd(), values.dir!);
  const contentDir = join(root, 'content');
  refuseOverwrite(contentDir, values.force === true);
  // The standard catalogue ships in the project's own content folder; read it before anything is replaced.
  const catalogSource = [join(contentDir, 'catalog.yaml'), STANDARD_CATALOG].find(existsSync);
  if (!catalogSource) throw new UsageError('找不到标准公开目录 content/catalog.yaml。请先运行 git checkout -- content/catalog.yaml 取回它，再运行 init。');
  const catalog = readFileSync(catalogSource, 'utf8');

  const answers = await collectAnswers(values);
  const siteText = renderSiteYaml(answers);
  const site = siteSchema.safeParse(parse(siteText));
  if (!site.success)
    throw new UsageError(
      `填写的内容有误：${site.error.issues.map((i) => `${SITE_HELP.labels[String(i.path[0])] ?? String(i.path[0])}：${i.message}`).join('；')}。请改正后重新运行。`,
    );
  const unitsText = renderUnitsYaml(answers);
  const units = unitsFileSchema.parse(parse(unitsText));

  // Written beside the old folder, then swapped in: never a half-written content folder.
  const fresh = `${contentDir}.init-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  writeFileAtomic(join(fresh, 'site.yaml'), siteText);
  writeFileAtomic(join(fresh, 'catalog.yaml'), catalog);
  writeFileAtomic(join(fresh, 'units.yaml'), unitsText);
  writeFileAtomic(join(fresh, 'boards.yaml'), BOARDS_YAML);
  writeFileAtomic(join(fresh, 'pages/about.mdx'), renderAboutPage(answers));
  const old = `${contentDir}.old-${process.pid}`;
  if (existsSync(contentDir)) renameSync(contentDir, old);
  renameSync(fresh, contentDir);
  rmSync(old, { recursive: true, force: true });
  // Anywhere but Gongkai's own checkout, the folder becomes the county's own repository.
  const repo = root === PROJECT_ROOT ? undefined : writeCountyRepo(root, { county: answers.county, forge: answers.forge, gongkai: values.gongkai });
  const owners = expectedCodeowners(contentDir, site.data, units);
  if (owners) writeFileAtomic(owners.file, owners.text);
  removeStaleCodeowners(root, owners?.file);

  const shown = shownPath(contentDir);
  const flag = shown === 'content' ? '' : ` --content ${shown}`;
  console.log(
    [
      `✓ 已为${answers.county}新建 ${shown}/：site.yaml、catalog.yaml（标准公开目录）、units.yaml（只有县委）、boards.yaml（空）、pages/about.mdx`,
      `  开通日期 launch: ${answers.launch}：督查考评从这一天算起，此前开始的期间不计。网站正式开通另有日子时，改 site.yaml 中的这一行。`,
      ...(owners ? [`✓ 已生成 ${shownPath(owners.file)}`] : []),
      ...(repo ? countyRepoLines(repo, shownPath(root)) : []),
      '',
      '下一步（详见 Gongkai 的网站管理员指南 .github/guides/webmaster.md）：',
      ...(repo ? ['  0. 安装 Gongkai 和 Node.js 24（约一两分钟，生成 package-lock.json，与其他文件一起提交）：npm install'] : []),
      `  1. 导入单位：npm run gongkai -- import units 单位表.xlsx${flag}`,
      `  2. 导入公开栏：npm run gongkai -- import boards 公开栏表.xlsx${flag}`,
      `  3. 上线检查：npm run check -- --go-live${flag}`,
      `  4. 构建：npm run build${flag ? ` --${flag}` : ''}`,
      '表格模板：Gongkai 的 public/templates/units-template.csv（单位表）、public/templates/boards-template.csv（公开栏表）',
    ].join('\n'),
  );
  return 0;
}

/** What init wrote besides content in a county's own repository, and what it found there already. */
function countyRepoLines(repo: ScaffoldResult, where: string): string[] {
  return [
    `✓ ${where === '.' ? '本文件夹' : `${where} `}是本县自己的仓库：已写 ${repo.written.join('、') || '（没有新文件）'}`,
    ...(repo.kept.length ? [`  已经有的文件没有改动：${repo.kept.join('、')}`] : []),
    '  Gongkai 是 package.json 中写明版本的依赖，不在仓库里：升级时改版本号，再运行 npm run gongkai -- migrate。',
  ];
}

/** The demo's CODEOWNERS for another forge would give its review rules to nobody: removed, if generated (never one written by hand). */
function removeStaleCodeowners(root: string, kept: string | undefined): void {
  for (const rel of Object.values(CODEOWNERS_PATH)) {
    const file = join(root, rel);
    if (file === kept || !existsSync(file)) continue;
    if (readFileSync(file, 'utf8').startsWith(CODEOWNERS_HEADER)) rmSync(file);
  }
}

/** Paths as the person at the terminal would type them: relative inside the working folder, else absolute. */
const shownPath = (abs: string) => {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel || '.';
};

function refuseOverwrite(contentDir: string, force: boolean): void {
  if (!existsSync(contentDir) || readdirSync(contentDir).length === 0 || force) return;
  const entries = join(contentDir, 'entries');
  const count = existsSync(entries) ? readdirSync(entries, { recursive: true }).filter((f) => String(f).endsWith('.md')).length : 0;
  throw new UsageError(
    [
      `${shownPath(contentDir)}/ 里已经有内容${count ? `（${count} 个条目）` : ''}，init 不会覆盖它。`,
      '要为本县新建内容，请加 --force：整个 content/ 会换成新县的空白内容（示范县的单位、公开栏和条目都会删除）。',
      '示范县随时可以找回：它在 Gongkai 的 git 历史里（git checkout <init 之前的提交> -- content），',
      '其中的单位、公开栏和条目也可以在示范县的 content/ 中运行 npm run demo:generate 重新生成。',
    ].join('\n'),
  );
}
