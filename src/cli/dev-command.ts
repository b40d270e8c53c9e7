/**
 * `gongkai preview` (also `gongkai dev`): the live preview. One process stays warm: Astro's
 * dev server shows the site with the same configuration as the build (src/site/astro-config.ts),
 * and after every save of a content file the project is checked again (only the saved file is
 * parsed), the site's pages show the change, and the saved unit's board is rendered as it will
 * print — with the findings in the terminal and on the preview page /__preview/.
 */
import { siteCode } from '../site/site-code.ts';
import { siteAstroConfig } from '../site/astro-config.ts';
import { publicEntries } from '../domain/publication.ts';
import { UsageError } from '../errors.ts';
import { consoleLog, type Log } from '../pipeline/log.ts';
import { PreviewSession, type SaveReport } from '../preview/preview-session.ts';
import { PREVIEW_PATH, previewServer } from '../preview/preview-server.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';
import { DEV_USAGE } from './usage.ts';

export async function devCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      port: { type: 'string', default: '4321' },
      host: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    DEV_USAGE,
  );
  if (values.help) {
    console.log(DEV_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port 应是 0 到 65535 之间的整数，不能是“${values.port}”。`);
  const { content, templates } = resolveDirs(values);
  consoleLog.info('正在检查内容并启动实时预览……');
  const server = await startDevServer({ content, templates, port, host: values.host! });
  const origin = `http://localhost:${server.port}`;
  consoleLog.info(
    `✓ 实时预览已启动：网站 ${origin}/ ，检查结果和公开栏预览 ${origin}${PREVIEW_PATH}\n` +
      '  保存条目文件后，网页会自动刷新，这里会显示检查结果和它所在单位的公开栏。按 Ctrl+C 停止。',
  );
  return 0;
}

/** Starts the preview; the tests start it on port 0, watch its saves and stop it themselves. */
export async function startDevServer(o: {
  content: string;
  templates: string;
  port: number;
  host?: boolean;
  log?: Log;
  onSaved?: (r: SaveReport) => void;
}): Promise<{ port: number; session: PreviewSession; stop(): Promise<void> }> {
  // No usage statistics, and no "new version available" check: the site's Astro version is the lock file's.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  // A preview is development: under NODE_ENV=production or =test (a webmaster's shell, a test
  // runner) Vite's server-side module runner gets no hot events, and pages would stay stale.
  process.env.NODE_ENV = 'development';
  const log = o.log ?? consoleLog;
  const session = new PreviewSession({
    contentDir: o.content,
    templatesDir: o.templates,
    log,
    todayEnv: process.env.GONGKAI_TODAY,
    clock: machineToday().clock,
  });
  const loaded = session.start();
  if (loaded.errorCount) log.warn(`内容有 ${loaded.errorCount} 个错误（见上）：有错误的文件在改正之前不显示。`);
  const { dev } = await import('astro');
  const server = await dev({
    ...siteAstroConfig({
      contentDir: session.contentDir,
      templatesDir: session.templatesDir,
      cacheRoot: process.env.GONGKAI_CACHE_DIR,
      context: { contentDir: session.contentDir, templatesDir: session.templatesDir, today: session.today!, code: siteCode(), preview: true },
      devServer: previewServer(session, log, o.onSaved),
    }),
    configFile: false,
    logLevel: 'warn',
    server: { port: o.port, host: o.host ?? false },
  });
  // After the server is up: the fonts and the board code are loaded, and the home page and one
  // entry page compiled, before the clerk's first look and first save. A failure here is
  // not the clerk's: it shows again, with its message, when that page or board is asked for.
  const origin = `http://localhost:${server.address.port}`;
  const [first] = publicEntries(session.project?.entries ?? []);
  const warming = session
    .warm()
    .then(() => Promise.all(['/', first ? `/units/${first.unit}/${first.slug}/` : '/'].map((p) => fetch(origin + p).then((r) => r.arrayBuffer()))))
    .catch(() => undefined);
  return {
    port: server.address.port,
    session,
    stop: async () => {
      await warming;
      await server.stop();
    },
  };
}
