#!/usr/bin/env node
/**
 * gongkai: the command line. Subcommands are thin; the work is in src/content, src/domain
 * and the output stages. Exit codes: 0 ok, 1 content errors, 2 usage or internal error.
 */
import { buildCommand, BUILD_USAGE } from './build-command.ts';
import { checkCommand, CHECK_USAGE } from './check-command.ts';
import { codeownersCommand, CODEOWNERS_USAGE } from './codeowners-command.ts';
import { diffCommand, DIFF_USAGE } from './diff-command.ts';
import { ContentError, MergeError, StageError, UsageError } from './errors.ts';
import { mergeCommand, MERGE_USAGE } from './merge-command.ts';
import { newCommand, NEW_USAGE } from './new-command.ts';
import { printCommand, PRINT_USAGE } from './print-command.ts';
import { releaseNotesCommand, RELEASE_NOTES_USAGE } from './release-notes-command.ts';
import { reportCommand, REPORT_USAGE } from './report-command.ts';

const USAGE = `gongkai：党务公开网与公开栏印刷文件生成工具

用法：
  npm run check   检查内容（gongkai check）
  npm run build   检查并生成网站（gongkai build）
  npm run new     新建一条公开条目（gongkai new）
  npm run codeowners  根据单位名录生成 CODEOWNERS（gongkai codeowners）

${CHECK_USAGE}

${BUILD_USAGE}

${NEW_USAGE}

${CODEOWNERS_USAGE}

${DIFF_USAGE}

${PRINT_USAGE}

${REPORT_USAGE}

${RELEASE_NOTES_USAGE}

${MERGE_USAGE}`;

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  check: checkCommand,
  build: buildCommand,
  new: newCommand,
  codeowners: codeownersCommand,
  diff: diffCommand,
  print: printCommand,
  report: reportCommand,
  'release-notes': releaseNotesCommand,
  merge: mergeCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`不认识的命令“${name}”。可用的命令：${Object.keys(COMMANDS).join('、')}。`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`用法错误：${e.message}`);
      process.exitCode = 2;
    } else if (e instanceof ContentError) {
      console.error(e.message);
      process.exitCode = 1;
    } else if (e instanceof MergeError) {
      console.error(`无法合并：${e.message}`);
      process.exitCode = 2;
    } else if (e instanceof StageError) {
      console.error(`生成失败（${e.stage}）：${e.message}`);
      process.exitCode = 2;
    } else {
      // A bug of ours, not the clerk's: say so plainly; the stack only on request.
      console.error(`内部错误：${e instanceof Error ? e.message : String(e)}\n这是程序的问题，不是内容的问题。请把这段信息发给网站维护人员。`);
      if (process.env.GONGKAI_DEBUG && e instanceof Error) console.error(e.stack);
      process.exitCode = 2;
    }
  },
);
