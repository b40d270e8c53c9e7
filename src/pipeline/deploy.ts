/**
 * Publishing a built site to the web server with what every build machine has: `tar` and, for a
 * server elsewhere, `ssh` (rsync is missing on bare CI runners and minimal servers). The site
 * goes over as one compressed stream into a temporary folder on the server; only a complete
 * upload is copied over the served folder, then files the new build no longer has are removed,
 * so the server never serves a half-unpacked site or yesterday's withdrawn pages.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ContentError, EnvironmentError, environmentProblem } from '../errors.ts';

/**
 * Runs on the server (`sh -c`), the site's tar stream on its standard input, the served folder
 * as $1. POSIX sh, tar, find, cp: present on every Linux server.
 */
export const RECEIVE_SCRIPT = `set -eu
dir=$1
new=$(mktemp -d "\${TMPDIR:-/tmp}/gongkai-deploy.XXXXXX")
trap 'rm -rf "$new"' EXIT
tar -xzf - -C "$new"
if [ ! -f "$new/index.html" ]; then echo "上传的网站不完整（没有 index.html），服务器上的网站没有改动。" >&2; exit 1; fi
mkdir -p "$dir"
cp -R "$new/." "$dir/"
cd "$dir"
find . -mindepth 1 -depth | while IFS= read -r f; do
  if [ ! -e "$new/$f" ] && [ ! -L "$new/$f" ]; then rm -rf "$f"; fi
done
echo "files=$(find "$new" -type f | wc -l)"
`;

export interface DeployTarget {
  /** user@host for a server reached by ssh; absent for a folder on this machine. */
  host?: string;
  dir: string;
}

/** `deploy@dwgk.example.cn:/srv/dwgk` → a server's folder; `/srv/dwgk` → a folder here. */
export function parseTarget(text: string): DeployTarget {
  const m = /^([^/:\s]+):(.+)$/.exec(text.trim());
  return m ? { host: m[1]!, dir: m[2]! } : { dir: text.trim() };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface DeployOptions {
  /** The built site (dist). */
  from: string;
  target: DeployTarget;
  /** A private key's text (DEPLOY_KEY); without it ssh uses the machine's own keys. */
  key?: string | undefined;
  /** known_hosts lines for the server (DEPLOY_KNOWN_HOSTS); without them the first key seen is trusted. */
  knownHosts?: string | undefined;
}

/** Sends the site; resolves with the number of files the server received. */
export async function deploy(o: DeployOptions): Promise<number> {
  const from = resolve(o.from);
  if (!existsSync(join(from, 'index.html'))) throw new ContentError(`${o.from} 里没有构建好的网站（没有 index.html）。请先运行 npm run build。`);
  const secrets = mkdtempSync(join(tmpdir(), 'gongkai-deploy-'));
  try {
    const receiver = o.target.host ? sshCommand(o, secrets) : ['sh', '-c', RECEIVE_SCRIPT, 'gongkai-deploy', resolve(o.target.dir)];
    const out = await pipe(['tar', '-C', from, '-czf', '-', '.'], receiver);
    return Number(/files=\s*(\d+)/.exec(out)?.[1] ?? 0);
  } finally {
    rmSync(secrets, { recursive: true, force: true });
  }
}

function sshCommand(o: DeployOptions, secrets: string): string[] {
  const args = ['ssh', '-o', 'BatchMode=yes'];
  if (o.key) {
    const file = join(secrets, 'key');
    writeFileSync(file, o.key.endsWith('\n') ? o.key : `${o.key}\n`, { mode: 0o600 });
    args.push('-i', file, '-o', 'IdentitiesOnly=yes');
  }
  if (o.knownHosts) {
    const file = join(secrets, 'known_hosts');
    writeFileSync(file, o.knownHosts.endsWith('\n') ? o.knownHosts : `${o.knownHosts}\n`, { mode: 0o600 });
    args.push('-o', `UserKnownHostsFile=${file}`, '-o', 'StrictHostKeyChecking=yes');
  } else args.push('-o', 'StrictHostKeyChecking=accept-new');
  // ssh joins its arguments into one command line for the server's shell: quoted once here.
  return [...args, o.target.host!, `sh -c ${quote(RECEIVE_SCRIPT)} gongkai-deploy ${quote(o.target.dir)}`];
}

/** `producer | consumer`, failing with what the one that failed said. */
async function pipe(producer: string[], consumer: string[]): Promise<string> {
  const p = spawn(producer[0]!, producer.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const c = spawn(consumer[0]!, consumer.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  p.stdout.pipe(c.stdin);
  // The receiver may stop early (a refused key): the sender's broken pipe is that, not another error.
  c.stdin.on('error', () => undefined);
  let out = '';
  let err = '';
  c.stdout.on('data', (d: Buffer) => (out += d.toString()));
  c.stderr.on('data', (d: Buffer) => (err += d.toString()));
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const closed = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((done, fail) => {
      child.on('error', (e) => fail(environmentProblem(e, '复制网站') ?? e));
      child.on('close', done);
    });
  const [sent, received] = await Promise.all([closed(p), closed(c)]);
  if (sent === 0 && received === 0) return out;
  const said = err.trim().split('\n').slice(-3).join(' ');
  const who = received !== 0 ? consumer[0] : producer[0];
  throw new EnvironmentError(`复制网站没有成功（${who} 退出码 ${received !== 0 ? received : sent}）：${said || '没有说明'}。服务器上的网站保持不变。`);
}
