/**
 * `gongkai standalone [--dir 仓库] [--write]`: turns a repository that cloned Gongkai into the
 * county's own repository, in place (src/load/standalone.ts). Run by another copy of Gongkai
 * (npx, or a checkout elsewhere): the clone's own copy would be removing itself. A dry run unless
 * --write; the git work tree must be clean, so every change can be reviewed and undone with git.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { installedGongkai } from '../load/installed-gongkai.ts';
import { applyStandalone, planStandalone, readFork } from '../load/standalone.ts';
import { UsageError } from '../errors.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { parseFlags } from './args.ts';
import { STANDALONE_USAGE } from './usage.ts';

export function standaloneCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    { dir: { type: 'string', default: '.' }, write: { type: 'boolean', default: false }, gongkai: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    STANDALONE_USAGE,
  );
  if (values.help) {
    console.log(STANDALONE_USAGE);
    return 0;
  }
  const root = resolve(process.env.INIT_CWD ?? process.cwd(), values.dir!);
  if (root === PROJECT_ROOT)
    throw new UsageError(
      [
        '这是仓库自己的 Gongkai，不能用它删除它自己。请在仓库文件夹里用另一份 Gongkai 运行：',
        `  npx -p node@24 -p gongkai@${installedGongkai().version} gongkai standalone`,
      ].join('\n'),
    );
  const fork = readFork(root);
  if (!fork) throw new UsageError(`${root} 不是克隆 Gongkai 的仓库（没有名为 gongkai 的 package.json 和 content/site.yaml），不需要搬。`);
  const status = spawnSync('git', ['-C', root, 'status', '--porcelain'], { encoding: 'utf8' });
  if (status.status !== 0) throw new UsageError(`${root} 不是 git 仓库：搬之前请先提交，这样每一处改动都能用 git 查看和撤销。`);
  if (status.stdout.trim()) throw new UsageError('仓库里还有没提交的改动。请先提交（或放弃）它们，再运行 standalone：每一处改动都要能用 git 查看和撤销。');

  const plan = planStandalone(root, fork);
  const lines = [
    `把 ${root} 改成${fork.county}自己的仓库（代码托管平台：${fork.forge}）：`,
    `  删除 Gongkai 自己的文件（${plan.remove.length} 处）：${plan.remove.join('、') || '（没有）'}`,
    `  删除与 Gongkai 相同的版式（用安装的 Gongkai 自带的）：${plan.sameTemplates.join('、') || '（没有）'}`,
    `  保留本县改过或新加的版式：${plan.ownTemplates.join('、') || '（没有）'}`,
    `  换成本县仓库的版本：${plan.replace.join('、') || '（没有）'}`,
    `  新增：${plan.add.join('、') || '（没有）'}`,
    '  content/、CODEOWNERS 和其他本县自己加的文件不动；git 历史（条目的修改记录）都在。',
  ];
  if (plan.demo) lines.push('注意：content/ 还是示范县的内容。请先按网站管理员指南运行 init 新建本县的内容，再搬。');
  console.log(lines.join('\n'));
  if (!values.write) {
    console.log('\n这是试运行，没有改动任何文件。核对后加 --write 运行。');
    return 0;
  }
  applyStandalone(plan, values.gongkai);
  console.log(
    [
      '',
      '✓ 已改好。下一步：',
      '  1. npm install                                   （按新的 package.json 安装 Gongkai 和 Node.js 24）',
      '  2. npm run gongkai -- migrate，核对后加 --write    （把内容改成这一版 Gongkai 的格式）',
      '  3. npm run check && npm run build',
      '  4. git add -A && git commit -m "改成只有本县内容的仓库"，推送',
      ...(fork.forge === 'gitlab'
        ? ['  5. GitLab：Settings → CI/CD → General pipelines → CI/CD configuration file 清空（改用仓库根目录的 .gitlab-ci.yml）']
        : []),
      '以后升级 Gongkai 只改 package.json 中的版本号，不再 git pull upstream；可以删除 upstream：git remote remove upstream',
    ].join('\n'),
  );
  return 0;
}
