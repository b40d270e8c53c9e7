/**
 * `npm run dev`: Astro's dev server on the site, through the same configuration and context as
 * the build. Started as the command it is (Astro turns its dev middleware off inside Vitest).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyMini, ROOT } from '../helpers.ts';

const content = copyMini();
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('npm run dev', () => {
  it('serves the home page, a unit page and the printers’ page of a content folder', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'dev', '--content', content, '--port', '0'], {
      cwd: ROOT,
      // Not Vitest's variables: Astro would think it runs inside a test and serve nothing.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
        NO_COLOR: '1',
        GONGKAI_CACHE_DIR: `${content}-cache`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /网站预览已启动：http:\/\/localhost:(\d+)\//.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const get = async (path: string) => {
        const r = await fetch(`http://localhost:${port}${path}`);
        return { status: r.status, html: await r.text() };
      };
      const home = await get('/');
      expect(home.status, home.html.slice(0, 500)).toBe(200);
      expect(home.html).toContain('示范县党务公开网');
      const unit = await get('/units/v-demo-a/');
      expect(unit.status).toBe(200);
      expect(unit.html).toContain('甲村党支部2026年上半年党费收缴情况');
      expect(unit.html).not.toContain('SENTINEL');
      // Nothing is printed in dev: the page says so instead of linking files that do not exist.
      expect((await get('/print/')).html).toContain('印刷文件尚未生成');
      expect(output).not.toContain('New version');
    } finally {
      child.kill('SIGTERM');
      rmSync(`${content}-cache`, { recursive: true, force: true });
    }
  }, 120_000);
});
