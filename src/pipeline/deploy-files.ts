/**
 * The build's part in a hardened deploy: the pages must satisfy the Content-Security-Policy the
 * server sends (no inline code but the hashed head script: site/inline-code.ts), and the server's
 * settings are written beside them (site/deploy-config.ts) — with a line when they differ from
 * the ones the previous build wrote, since a server has to be told (nginx reloads its snippet).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { walkFiles } from '../io/walk.ts';
import type { Project } from '../domain/model.ts';
import { ContentError } from '../errors.ts';
import { headersFile, HEADERS_FILE, NGINX_FILE, nginxConf } from '../site/deploy-config.ts';
import { HEAD_SCRIPT, scriptHash } from '../site/head-script.ts';
import { INLINE_LABELS, inlineCode, type InlineCode } from '../site/inline-code.ts';

const ALLOWED = new Set([scriptHash(HEAD_SCRIPT)]);

/** Every page's inline code the policy would block; reads a few pages at a time, giving the event loop turns. */
export async function scanInlineCode(dir: string): Promise<{ file: string; found: InlineCode[] }[]> {
  const pages = walkFiles(dir).filter((f) => f.endsWith('.html'));
  const out: { file: string; found: InlineCode[] }[] = [];
  for (let i = 0; i < pages.length; i += 32) {
    const batch = pages.slice(i, i + 32);
    const texts = await Promise.all(batch.map((f) => readFile(join(dir, f), 'utf8')));
    texts.forEach((html, k) => {
      const found = inlineCode(html, ALLOWED);
      if (found.length) out.push({ file: batch[k]!, found });
    });
  }
  return out;
}

/** A page whose inline code the policy would block stops the build, naming the page and the code. */
export function inlineCodeFailure(pages: readonly { file: string; found: InlineCode[] }[]): ContentError | undefined {
  if (!pages.length) return undefined;
  return new ContentError(
    `${pages.length} 个页面含有网站安全策略（Content-Security-Policy）不允许的内联代码，浏览器会拦下它们。构建已停止，没有改动输出文件夹。`,
    {
      details: [
        ...pages.slice(0, 10).map((p) => `${p.file}：${[...new Set(p.found.map((f) => INLINE_LABELS[f.kind]))].join('、')}（${p.found[0]!.snippet}）`),
        ...(pages.length > 10 ? [`……另有 ${pages.length - 10} 个页面`] : []),
        '提示：栏目页面（content/pages/*.mdx）里不要写 <script>、<style>、style="…" 或 onclick；要改样式请联系网站维护人员。如果页面来自程序本身，请把这段信息发给网站维护人员。',
      ],
    },
  );
}

/**
 * Writes _headers and _deploy/nginx.conf into the staging folder; returns a line to show when
 * the server's settings changed since the build in `out` (nothing when they did not, or when
 * there was no earlier build).
 */
export function writeDeployFiles(staging: string, out: string, project: Project): string | undefined {
  const entries = readdirSync(staging, { withFileTypes: true }).map((d) => ({ name: d.name, folder: d.isDirectory() }));
  const nginx = nginxConf(project.site);
  writeFileSync(join(staging, HEADERS_FILE), headersFile(project.site, entries));
  mkdirSync(dirname(join(staging, NGINX_FILE)), { recursive: true });
  writeFileSync(join(staging, NGINX_FILE), nginx);
  const before = join(out, NGINX_FILE);
  if (!existsSync(before) || readFileSync(before, 'utf8') === nginx) return undefined;
  return `注意：服务器设置（安全响应头或缓存规则）与上次构建不同。用 nginx 的，请把新的 ${NGINX_FILE} 复制到服务器的 nginx 设置中并重新加载（见网站管理员指南“放到服务器上”）；读 _headers 的平台会自动使用新设置。`;
}
