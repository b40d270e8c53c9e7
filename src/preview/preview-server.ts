/**
 * The live preview inside Astro's dev server: watches the content and template folders, lets
 * the session react to each save (preview-session.ts), then has Astro drop its cached page
 * lists and the open browser tabs reload — the same two signals Astro sends when its own
 * content store changes. Serves the preview page and the board pictures under /__preview/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { formatDiagnostic } from '../load/format-diagnostics.ts';
import type { Log } from '../pipeline/log.ts';
import { publicEntries } from '../domain/publication.ts';
import { entryHtml } from '../site/entry-html.ts';
import type { DevServerHook } from '../site/integration.ts';
import { keepSavedBody } from '../site/project-handoff.ts';
import { previewPage } from './preview-page.ts';
import type { PreviewSession, SaveReport } from './preview-session.ts';

/** Files whose change the preview reacts to; editors' swap and backup files are not among them. */
const WATCHED = /\.(md|ya?ml|jpe?g|png)$/i;
/** Editors write a file in several steps (truncate, write, rename): one reaction per save. */
const SETTLE_MS = 30;

export const PREVIEW_PATH = '/__preview/';

export function previewServer(session: PreviewSession, log: Log, onSaved?: (r: SaveReport) => void): DevServerHook {
  return (server) => {
    server.watcher.add([session.contentDir, session.templatesDir]);
    const inside = (file: string) => [session.contentDir, session.templatesDir].some((d) => file.startsWith(d + sep));
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let queue: Promise<void> = Promise.resolve();
    const react = () => {
      const files = [...pending].sort();
      pending.clear();
      queue = queue.then(async () => {
        try {
          const report = await session.saved(files, () => {
            renderSavedBodies(session, files, server.config.base);
            refreshPages(server);
          });
          log.info(describe(report, origin(server)));
          onSaved?.(report);
        } catch (e) {
          // A program error must not end the clerk's preview: say so, keep serving.
          log.warn(`预览更新失败：${(e instanceof Error ? e.message : String(e)).replace(/[。.]$/, '')}。这是程序的问题，请把这段信息发给网站维护人员。`);
        }
      });
    };
    server.watcher.on('all', (_event, file) => {
      if (!inside(file) || !WATCHED.test(file)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(react, SETTLE_MS);
    });
    server.middlewares.use((req, res, next) => {
      if (!req.url?.startsWith(PREVIEW_PATH.slice(0, -1))) return next();
      serve(session, req, res);
    });
  };
}

/**
 * The saved entries' bodies, rendered by the function the content store's loader uses
 * (entry-html.ts) and left where the entry pages read them beside the store
 * (project-handoff.ts says why the store itself is not loaded again).
 */
function renderSavedBodies(session: PreviewSession, files: readonly string[], base: string): void {
  const saved = new Set(files);
  for (const e of publicEntries(session.project?.entries ?? [])) if (saved.has(e.source.path)) keepSavedBody(e.id, { body: e.body, html: entryHtml(e, base) });
}

/** What Astro does when its content store changes: page lists recomputed, open tabs reloaded. */
function refreshPages(server: ViteDevServer): void {
  for (const [name, env] of Object.entries(server.environments)) if (name !== 'client') env.hot.send('astro:content-changed', {});
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

function origin(server: ViteDevServer): string {
  return (server.resolvedUrls?.local[0] ?? 'http://localhost:4321/').replace(/\/$/, '');
}

/** The terminal's account of one save, in the clerk's words. */
export function describe(r: SaveReport, origin: string): string {
  const s = r.seconds;
  const lines = [
    `── 已更新（${s.total.toFixed(2)} 秒：检查 ${s.check.toFixed(2)} 秒，公开栏 ${s.boards.toFixed(2)} 秒）`,
    ...r.files.map((f) => `  保存：${f}`),
  ];
  if (r.findings.length) for (const d of r.findings) lines.push(formatDiagnostic(d).replace(/^/gm, '  '));
  else lines.push('  ✓ 检查：没有发现问题');
  if (r.errorCount > r.findings.filter((d) => d.severity === 'error').length)
    lines.push(`  其他文件还有错误，共 ${r.errorCount} 个：运行 npm run check 查看。`);
  for (const p of r.pages) lines.push(p.path ? `  网页：${p.title} ${origin}${p.path}` : `  ${p.title}：${p.note}`);
  for (const b of r.boards)
    lines.push(`  公开栏：${b.unitName}（${b.id}）${b.sheets} 张，正文 ${b.bodyPt.toFixed(0)} 磅${b.shortened ? `，精简了 ${b.shortened} 处` : ''}`);
  lines.push(`  预览页：${origin}${PREVIEW_PATH}`);
  return lines.join('\n');
}

function serve(session: PreviewSession, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
  const send = (status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (path === '/__preview' || path === PREVIEW_PATH) return send(200, 'text/html; charset=utf-8', previewPage());
  if (path === `${PREVIEW_PATH}state.json`) {
    const boards = [...session.boards.values()].map(({ pdf: _pdf, png: _png, ...b }) => b);
    return send(200, 'application/json; charset=utf-8', JSON.stringify({ revision: session.revision, last: session.last ?? null, boards }));
  }
  const board = /^\/__preview\/boards\/(.+)\.(png|pdf)$/.exec(path);
  const found = board && session.boards.get(board[1]!);
  if (found) return board[2] === 'png' ? send(200, 'image/png', found.png) : send(200, 'application/pdf', found.pdf);
  send(404, 'text/plain; charset=utf-8', '没有这个预览文件：保存一个条目后，这里才有它的公开栏预览。');
}
