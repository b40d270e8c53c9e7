/**
 * A real static server for the search bench, so the figures are what a reader meets: nginx
 * configured as the webmaster guide deploys it (.github/guides/webmaster.md: https with HTTP/2,
 * gzip, Pagefind's gzip files sent as they are with Content-Encoding (site/deploy-config.ts), the
 * same cache headers, the site's own 404 page), started from a generated config in a
 * temporary folder with a throwaway self-signed certificate. Python's http.server or the tests'
 * one-request-at-a-time server would inflate every figure. Where nginx (or openssl for the
 * certificate) is not installed, it falls back to plain HTTP/1.1 with nginx, or to Node's own
 * server with keep-alive and gzip (test/e2e/browser.ts's server wrapped in compression).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGEFIND_HASHED, PAGEFIND_WASM } from '../../src/site/deploy-config.ts';
import { serve } from '../../test/e2e/browser.ts';

export interface StaticServer {
  url: string;
  /** What serves the site, for the bench's report: “nginx 1.22.1，HTTPS/HTTP2，gzip”. */
  label: string;
  close(): Promise<void>;
}

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The guide's server block, for a folder, a port and (when given) a certificate. */
export function nginxConfig(root: string, dir: string, port: number, tls: boolean): string {
  const listen = tls
    ? `listen 127.0.0.1:${port} ssl http2;\n    ssl_certificate ${dir}/cert.pem;\n    ssl_certificate_key ${dir}/key.pem;`
    : `listen 127.0.0.1:${port};`;
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    ${listen}
    root ${root};
    index index.html;
    charset utf-8;
    location / {
      try_files $uri $uri/ $uri.html =404;
      add_header Cache-Control "no-cache";
    }
    location /_astro/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location /pagefind/ { add_header Cache-Control "public, max-age=3600"; }
    location ~ ${PAGEFIND_HASHED} { add_header Cache-Control "public, max-age=3600"; gzip off; add_header Content-Encoding gzip; }
    location ~ ${PAGEFIND_WASM} { add_header Cache-Control "public, max-age=3600"; gzip off; add_header Content-Encoding gzip; }
    location = /kiosk-sw.js { add_header Cache-Control "no-cache"; }
    error_page 404 /404.html;
    location = /404.html { internal; }
    gzip on;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/xml text/csv;
  }
}
`;
}

async function startNginx(root: string, nginx: string): Promise<StaticServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  const tls = !!which('openssl') && !!existsSync('/etc/nginx/mime.types');
  if (tls) {
    const r = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    if (r.status !== 0) throw new Error('openssl 无法生成临时证书');
  }
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(root, dir, port, tls));
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(true)); // the port is taken: nginx listens
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`nginx 没有启动：${readFileSync(join(dir, 'error.log'), 'utf8').trim().split('\n').pop()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const version = spawnSync(nginx, ['-v'], { encoding: 'utf8' })
    .stderr.trim()
    .replace(/^nginx version: /, '');
  return {
    url,
    label: `${version}，${tls ? 'HTTPS/HTTP2（同网站管理员指南）' : 'HTTP/1.1'}，gzip`,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** nginx where installed, otherwise Node's server (HTTP/1.1 keep-alive; pagefind's files are gzip'd already). */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const nginx = NGINX.find((p) => existsSync(p)) ?? which('nginx');
  if (nginx) return startNginx(root, nginx);
  // Said loudly: figures through Node's server are not the ones issue 30's targets are set for.
  console.warn('  注意：这台机器没有安装 nginx（Debian：sudo apt-get install nginx），搜索测试改用 Node.js 的静态服务器，数字与 nginx 的不能直接比较。');
  const s = await serve(root, { gzip: true });
  return { ...s, label: 'Node.js 静态服务器（没有 nginx；HTTP/1.1 keep-alive，gzip）' };
}
