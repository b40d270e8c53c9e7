#!/usr/bin/env node
// The `gongkai` command of a county's repository (package.json "bin"). Installed as a
// dependency, Gongkai runs its compiled JavaScript (lib/, made by `npm pack`): Node strips
// TypeScript types only outside node_modules. From its own checkout it runs the sources.
// Plain JavaScript that any Node parses, so an old Node is told what to do in Chinese.
import { existsSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    [
      `环境问题：Gongkai 需要 Node.js 24，这里运行的是 Node.js ${process.versions.node}。`,
      '请通过 npm run 运行（例如 npm run build）：本县仓库的 package.json 依赖 npm 包 node，npm run 会用它安装的 Node.js 24。',
      '第一次新建仓库时用：npx -p node@24 -p gongkai gongkai init',
    ].join('\n'),
  );
  process.exit(3);
}
const compiled = new URL('../lib/cli/main.js', import.meta.url);
const sources = new URL('../src/cli/main.ts', import.meta.url);
const installed = import.meta.url.includes('/node_modules/');
if (installed && !existsSync(compiled)) {
  // A package made without `npm pack` (installed straight from git, say) has no lib/.
  console.error(
    [
      '环境问题：安装的 Gongkai 里没有编译好的程序（lib/），它由 npm pack 生成。',
      '请从 npm 仓库或 Gongkai 的发布包（gongkai-版本.tgz）安装，不要直接从 git 仓库安装；然后运行 npm install。',
    ].join('\n'),
  );
  process.exit(3);
}
await import((installed ? compiled : sources).href);
