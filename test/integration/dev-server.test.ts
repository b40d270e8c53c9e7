/**
 * `npm run preview` (also `npm run dev`): Astro's dev server on the site, through the same
 * configuration and context as the build, with the live preview — after a save, the page
 * shows the change, `check`'s findings are printed and served, and the unit's board is
 * rendered. Started as the command it is (Astro turns its dev middleware off inside Vitest;
 * Vitest's NODE_ENV=test is left in place: the preview must not depend on it).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyMini, ROOT } from '../helpers.ts';

const content = copyMini();
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('npm run preview', () => {
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
          const m = /实时预览已启动：网站 http:\/\/localhost:(\d+)\//.exec(output);
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

      // A save: the page shows the new sentence, the terminal says what changed, the board is drawn.
      const file = join(content, 'entries/v-demo-a/2026/dues-2026-h1.md');
      const original = readFileSync(file, 'utf8');
      const updates = () => output.split('── 已更新').length - 1;
      const saved = async (n: number) => {
        for (let t = 0; t < 600 && updates() < n; t++) await new Promise((r) => setTimeout(r, 50));
        expect(updates(), output.slice(-2000)).toBe(n);
      };
      appendFileSync(file, '\n预览测试：七月补交党费两笔。\n');
      await saved(1);
      expect((await get('/units/v-demo-a/dues-2026-h1/')).html).toContain('预览测试：七月补交党费两笔。');
      expect(output).toContain('✓ 检查：没有发现问题');
      expect(output).toMatch(/网页：甲村党支部2026年上半年党费收缴情况 http:\/\/localhost:\d+\/units\/v-demo-a\/dues-2026-h1\//);
      expect(output).toMatch(/公开栏：甲村党支部（b-v-demo-a）1 张，正文 \d+ 磅/);
      const png = await fetch(`http://localhost:${port}/__preview/boards/b-v-demo-a.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      const pdf = Buffer.from(await (await fetch(`http://localhost:${port}/__preview/boards/b-v-demo-a.pdf`)).arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await get('/__preview/')).html).toContain('实时预览');

      // A clerk's mistake: a full-width mobile number. Named by line, and the entry leaves the site.
      writeFileSync(file, original.replace('## 一、收缴情况', '## 一、收缴情况\n\n联系人电话：１３８１２３４５６７８'));
      await saved(2);
      const state = JSON.parse((await get('/__preview/state.json')).html) as { last: { findings: { line: number; severity: string; code: string }[] } };
      const found = state.last.findings.find((f) => f.severity === 'error');
      expect(found, JSON.stringify(state.last)).toBeDefined();
      expect(found!.line).toBe(original.split('\n').indexOf('## 一、收缴情况') + 3);
      expect(output).toMatch(/dues-2026-h1\.md:\d+:\d+: 错误\[personal-mobile\]/);
      expect(output).toContain('有错误，改正前网站和公开栏都不显示这一条');
      const gone = await get('/units/v-demo-a/dues-2026-h1/');
      expect(gone.status, output.slice(-3000)).toBe(404);
      expect((await get('/units/v-demo-a/')).html).not.toContain('１３８');

      // Fixed again: back on the site, its body as saved (the page reads it from the content store, as a build does).
      writeFileSync(file, original);
      await saved(3);
      const back = await get('/units/v-demo-a/dues-2026-h1/');
      expect(back.status).toBe(200);
      expect(back.html).toContain('一、收缴情况');
      expect(back.html).not.toContain('预览测试');
      expect(back.html).not.toContain('１３８');

      // Deleted: said so, and gone from the site.
      rmSync(file);
      await saved(4);
      expect(output).toContain('文件已删除，网站和公开栏上不再有这一条');
      expect((await get('/units/v-demo-a/dues-2026-h1/')).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      rmSync(`${content}-cache`, { recursive: true, force: true });
    }
  }, 180_000);
});
