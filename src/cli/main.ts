#!/usr/bin/env node
/**
 * gongkai: the command line. Subcommands are thin; the work is in src/load, src/domain
 * and the output stages. Exit codes: 0 ok, 1 content errors, 2 usage or internal error,
 * 3 a problem of the machine (disk, permissions, a missing program): see src/errors.ts.
 */
import {
  BROADCAST_USAGE,
  BUILD_USAGE,
  DEPLOY_USAGE,
  CHECK_USAGE,
  CODEOWNERS_USAGE,
  DEV_USAGE,
  DIFF_USAGE,
  IMPORT_USAGE,
  INIT_USAGE,
  MERGE_USAGE,
  MIGRATE_USAGE,
  NEW_USAGE,
  PRINT_USAGE,
  RELEASE_NOTES_USAGE,
  RENAME_USAGE,
  REPORT_USAGE,
  STANDALONE_USAGE,
} from './usage.ts';
import { ContentError, EnvironmentError, environmentProblem, EXIT_CODES, GongkaiError, MergeError, StageError, UsageError } from '../errors.ts';

const USAGE = `gongkai：党务公开网与公开栏印刷文件生成工具

用法：
  npm run gongkai -- init  为本县新建内容（gongkai init），再用 gongkai import 导入单位和公开栏表格
  npm run check   检查内容（gongkai check）
  npm run build   检查并生成网站（gongkai build）
  npm run preview 实时预览：保存后马上看到网页、检查结果和公开栏（gongkai preview，也可以用 npm run dev）
  npm run new     新建一条公开条目（gongkai new）
  npm run codeowners  根据单位名录生成 CODEOWNERS（gongkai codeowners）
  npm run gongkai -- migrate  升级 Gongkai 后把内容改成新格式（先试运行，再加 --write）

${CHECK_USAGE}

${BUILD_USAGE}

${DEPLOY_USAGE}

${DEV_USAGE}

${NEW_USAGE}

${INIT_USAGE}

${CODEOWNERS_USAGE}

${IMPORT_USAGE}

${RENAME_USAGE}

${DIFF_USAGE}

${PRINT_USAGE}

${REPORT_USAGE}

${RELEASE_NOTES_USAGE}

${MERGE_USAGE}

${MIGRATE_USAGE}

${STANDALONE_USAGE}

${BROADCAST_USAGE}`;

type Command = (argv: string[]) => number | Promise<number>;

// Loaded on demand: `check` never loads Astro, pdfkit or git code, and a usage error loads none.
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init-command.ts')).initCommand,
  check: async () => (await import('./check-command.ts')).checkCommand,
  build: async () => (await import('./build-command.ts')).buildCommand,
  deploy: async () => (await import('./deploy-command.ts')).deployCommand,
  dev: async () => (await import('./dev-command.ts')).devCommand,
  preview: async () => (await import('./dev-command.ts')).devCommand,
  new: async () => (await import('./new-command.ts')).newCommand,
  codeowners: async () => (await import('./codeowners-command.ts')).codeownersCommand,
  diff: async () => (await import('./diff-command.ts')).diffCommand,
  import: async () => (await import('./import-command.ts')).importCommand,
  rename: async () => (await import('./rename-command.ts')).renameCommand,
  print: async () => (await import('./print-command.ts')).printCommand,
  report: async () => (await import('./report-command.ts')).reportCommand,
  'release-notes': async () => (await import('./release-notes-command.ts')).releaseNotesCommand,
  merge: async () => (await import('./merge-command.ts')).mergeCommand,
  migrate: async () => (await import('./migrate-command.ts')).migrateCommand,
  standalone: async () => (await import('./standalone-command.ts')).standaloneCommand,
  broadcast: async () => (await import('./broadcast-command.ts')).broadcastCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`不认识的命令“${name}”。可用的命令：${Object.keys(COMMANDS).join('、')}。`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e);
  },
);

/** The one place an error reaches the person at the terminal: told by its kind, with its exit code. */
function reportError(e: unknown): number {
  const err = e instanceof GongkaiError ? e : (environmentProblem(e) ?? e);
  const details = err instanceof GongkaiError ? err.details.map((d) => `  ${d}`) : [];
  const say = (...lines: string[]) => console.error([...lines, ...details].join('\n'));
  if (err instanceof MergeError) say(`无法合并：${err.message}`);
  else if (err instanceof UsageError) say(`用法错误：${err.message}`);
  else if (err instanceof ContentError) say(err.message);
  else if (err instanceof EnvironmentError)
    say(`环境问题：${err.message}`, '这不是内容的问题，也不是程序的问题：请按上面的提示处理这台电脑的问题，然后重新运行。');
  else {
    // A bug of ours, not the clerk's: say so plainly; the stack only on request.
    const stage = err instanceof StageError ? `（${err.stage}）` : '';
    say(`内部错误${stage}：${err instanceof Error ? err.message : String(err)}`, '这是程序的问题，不是内容的问题。请把这段信息发给网站维护人员。');
  }
  if (process.env.GONGKAI_DEBUG && err instanceof Error) console.error(err.stack, err.cause);
  return err instanceof GongkaiError ? EXIT_CODES[err.kind] : EXIT_CODES.internal;
}
