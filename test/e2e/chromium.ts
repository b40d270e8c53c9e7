/**
 * The Chromium the browser tests, the guide screenshots and the bench drive, found without any
 * system package: @sparticuz/chromium ships a self-contained headless Chromium inside the npm
 * package (it needs only libc, libexpat and libgcc), so `npm ci` is all a machine needs.
 * `npx playwright install` cannot reach its download here, and Debian's chromium is a 300 MB
 * apt install that CI and every newcomer would have to know about.
 *
 * The package's own executablePath() inflates the binary to /tmp/chromium without a temporary
 * name, so a run killed half-way leaves a truncated binary that every later run trusts. We
 * inflate the same file into node_modules/.cache, under the package's version, written aside
 * and renamed: whole or absent.
 *
 * Chinese text needs fonts, and a bare machine has none: a private fontconfig points Chromium
 * at the Noto Sans/Serif SC files the project installs for its PDFs, so pages render (and
 * measure) the same on every machine.
 */
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');

/** Exactly what to do when no browser can be found or started: one step, in the README too. */
export const NO_BROWSER = `没有找到可用的 Chromium 浏览器。
  这台电脑上，npm 包 @sparticuz/chromium 自带的浏览器不能用（它只支持 x64 的 Linux）。请做一步：
  安装 Chromium（Debian/Ubuntu：apt-get install -y chromium），然后重新运行 npm run test:e2e；
  或者把已有的 Chromium 路径写进环境变量：CHROMIUM_PATH=/path/to/chromium npm run test:e2e`;

async function packagedChromium(): Promise<string | undefined> {
  if (platform() !== 'linux' || arch() !== 'x64') return undefined;
  const pkg = packageRoot('@sparticuz/chromium');
  if (!pkg) return undefined;
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const exe = join(ROOT, 'node_modules/.cache/gongkai-chromium', version, 'chromium');
  if (existsSync(exe)) return exe;
  mkdirSync(dirname(exe), { recursive: true });
  const part = `${exe}.${process.pid}.part`;
  try {
    await pipeline(createReadStream(join(pkg, 'bin/chromium.br')), createBrotliDecompress({ chunkSize: 2 ** 21 }), createWriteStream(part));
    chmodSync(part, 0o755);
    renameSync(part, exe);
  } finally {
    rmSync(part, { force: true });
  }
  return exe;
}

/** The folder of an installed package (its exports map hides package.json from require.resolve). */
function packageRoot(name: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve(name));
  } catch {
    return undefined;
  }
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  return undefined;
}

/** CHROMIUM_PATH if set, else the packaged Chromium, else Debian's; undefined when there is none. */
export async function chromiumPath(): Promise<string | undefined> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return (await packagedChromium()) ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

let fontConfig: string | undefined;
/** A fontconfig file naming only the project's Noto fonts (made once per process). */
function notoFontConfig(): string {
  if (fontConfig) return fontConfig;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fonts-'));
  const fonts = ['noto-sans-sc/400Regular', 'noto-sans-sc/700Bold', 'noto-serif-sc/400Regular', 'noto-serif-sc/700Bold']
    .map((d) => join(ROOT, 'node_modules/@expo-google-fonts', d))
    .filter(existsSync);
  fontConfig = join(dir, 'fonts.conf');
  writeFileSync(
    fontConfig,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>${fonts.map((d) => `<dir>${d}</dir>`).join('')}<cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return fontConfig;
}

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps trying
 * (and failing) to reach Google's hosts. No sandbox: CI runs as root.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromiumPath();
  if (!executablePath) throw new Error(NO_BROWSER);
  try {
    return await chromium.launch({
      ...options,
      executablePath,
      args: [...ARGS, ...(options.args ?? [])],
      env: { ...process.env, FONTCONFIG_FILE: notoFontConfig(), ...(options.env ?? {}) },
    });
  } catch (e) {
    throw new Error(`${NO_BROWSER}\n（启动 ${executablePath} 失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`, { cause: e });
  }
}
