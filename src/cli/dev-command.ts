/**
 * `gongkai dev`: Astro's dev server on the site, with the same configuration and the same way
 * into Astro as the build (src/site/astro-config.ts), so what a site maintainer previews is
 * what the build makes. Templates and styles reload in the browser on save.
 */
import { siteAstroConfig } from '../site/astro-config.ts';
import { UsageError } from '../errors.ts';
import { parseFlags, resolveDirs } from './args.ts';
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
  const server = await startDevServer({ content, templates, port, host: values.host! });
  console.log(`✓ 网站预览已启动：http://localhost:${server.port}/（按 Ctrl+C 停止）`);
  return 0;
}

/** Starts the dev server; the tests start it on port 0 and stop it themselves. */
export async function startDevServer(o: {
  content: string;
  templates: string;
  port: number;
  host?: boolean;
}): Promise<{ port: number; stop(): Promise<void> }> {
  // No usage statistics, and no "new version available" check: the site's Astro version is the lock file's.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  const { dev } = await import('astro');
  const server = await dev({
    ...siteAstroConfig({ contentDir: o.content, templatesDir: o.templates, cacheRoot: process.env.GONGKAI_CACHE_DIR }),
    configFile: false,
    logLevel: 'warn',
    server: { port: o.port, host: o.host ?? false },
  });
  return { port: server.address.port, stop: () => server.stop() };
}
