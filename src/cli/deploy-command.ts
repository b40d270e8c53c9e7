/**
 * `gongkai deploy [dist] [--to 目标]`: copies the built site to the web server over ssh (or into
 * a folder on this machine), with tar and ssh only. The target, the key and the server's host key
 * come from the forge's secrets (DEPLOY_TARGET, DEPLOY_KEY, DEPLOY_KNOWN_HOSTS) in CI.
 */
import { deploy, parseTarget } from '../pipeline/deploy.ts';
import { parseFlags } from './args.ts';
import { DEPLOY_USAGE } from './usage.ts';

export async function deployCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, DEPLOY_USAGE);
  if (values.help) {
    console.log(DEPLOY_USAGE);
    return 0;
  }
  const from = positionals[0] ?? 'dist';
  const to = values.to ?? process.env.DEPLOY_TARGET ?? '';
  if (!to.trim()) {
    // A new county repository builds before its server exists: the build stands, nothing is copied.
    console.log(
      '没有复制到服务器：没有设置部署目标（平台上的 DEPLOY_TARGET，或 --to）。网站已经构建好；设置方法见 .github/guides/webmaster.md“七、每天自动重建”。',
    );
    return 0;
  }
  const target = parseTarget(to);
  const where = target.host ? `${target.host} 的 ${target.dir}` : target.dir;
  console.log(`复制 ${from}/ 到 ${where}……`);
  const files = await deploy({ from, target, key: process.env.DEPLOY_KEY, knownHosts: process.env.DEPLOY_KNOWN_HOSTS });
  console.log(`✓ 已发布：${files} 个文件到 ${where}，新网站已经生效；新构建中没有的旧文件已删除。`);
  return 0;
}
