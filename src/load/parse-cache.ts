/**
 * The parse cache of `check`: what reading, parsing and checking one entry or 点题 file gave
 * (its findings, with line and column, and the entry or request it yields), kept by the file's
 * bytes and everything else that decides the outcome. An unchanged file is not parsed,
 * schema-checked or scanned again: that is most of a check's time (reading front matter and
 * the safety scans, ~1.4 s of 2.1 s on the demo county's 8,000 files).
 *
 * The key covers: the file's path and bytes; the unit it belongs to; the site settings and the
 * catalogue; the size limit; and the source of the checking code itself (src/domain, src/load
 * and src/io) and the lock file's library versions, so an upgrade of the rules or of a
 * parsing library re-checks everything. Files whose body shows images
 * are not kept: their check reads the image files, which the key does not cover.
 *
 * Kept on disk beside Astro's cache (one per content folder) with node:v8's serializer; the
 * live preview keeps one in memory for its whole session.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Entry, Request } from '../domain/model.ts';
import type { Severity } from '../domain/diagnostics.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** A finding as the file showed it, without the file's name (that depends on where check runs). */
export interface CachedFinding {
  severity: Severity;
  code: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export interface CachedDocument {
  findings: CachedFinding[];
  /** The entry or request the file yields when it passed; without `source` (added on reuse). */
  entry?: Omit<Entry, 'source'>;
  request?: Omit<Request, 'source'>;
  bodyLine: number;
}

/** Bump when the record's shape changes. */
const FORMAT = 'gongkai-parse-cache/1';

let codeVersion: string | undefined;
/** A hash of the checking code's own source: different rules, different outcomes. */
function checkingCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const h = createHash('sha256').update(FORMAT);
  const src = resolve(import.meta.dirname, '..');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(dir, name.name);
      if (name.isDirectory()) walk(abs);
      else if (/\.[jt]s$/.test(name.name)) h.update(name.name).update(readFileSync(abs));
    }
  };
  walk(join(src, 'domain'));
  walk(join(src, 'load'));
  walk(join(src, 'io'));
  // The libraries that parse and check (YAML, zod, Markdown) are the lock file's versions.
  const lock = join(src, '..', 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return (codeVersion = h.digest('hex'));
}

/** JSON with Maps as arrays of pairs: settings and the catalogue hold Maps. */
const stableJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

export class ParseCache {
  readonly #file: string | undefined;
  #records: Map<string, CachedDocument>;
  /** Keys looked up or added in this run: a full check keeps only these. */
  readonly #used = new Set<string>();
  /**
   * The live preview's shortcut: each file's key by its path, trusted until the file watcher
   * reports the file changed, so an unchanged file is not even read again. Off on disk: a
   * command run cannot know what changed since the last one.
   */
  readonly #byPath: Map<string, { unitKey: string; key: string }> | undefined;
  #changed = false;
  hits = 0;
  misses = 0;

  private constructor(file: string | undefined, records: Map<string, CachedDocument>) {
    this.#file = file;
    this.#records = records;
    this.#byPath = file ? undefined : new Map();
  }

  /** In memory only, trusting paths until `changed` names them (the live preview). */
  static memory(): ParseCache {
    return new ParseCache(undefined, new Map());
  }

  /** Files the watcher saw change (or appear, or go): their bytes are read again. */
  changed(paths: Iterable<string>): void {
    for (const p of paths) this.#byPath?.delete(p);
  }

  /** The key a trusted path had when last read, if its unit and settings are the same. */
  knownKey(abs: string, unitKey: string): string | undefined {
    const k = this.#byPath?.get(abs);
    return k?.unitKey === unitKey ? k.key : undefined;
  }

  /** Kept in `file`; a missing, damaged or older file is an empty cache, never an error. */
  static open(file: string): ParseCache {
    let records = new Map<string, CachedDocument>();
    try {
      if (existsSync(file)) {
        const read = deserialize(readFileSync(file)) as { format?: string; records?: Map<string, CachedDocument> };
        if (read.format === FORMAT && read.records instanceof Map) records = read.records;
      }
    } catch {
      // A cache that cannot be read is rebuilt; the check's outcome never depends on it.
    }
    return new ParseCache(file, records);
  }

  /** The part of every key that is the same for the whole run. */
  settingsKey(parts: { site: unknown; catalog: unknown; maxBytes: number }): string {
    return createHash('sha256')
      .update(checkingCodeVersion())
      .update(stableJson([parts.site, parts.catalog, parts.maxBytes]))
      .digest('hex');
  }

  /** The part of a key shared by one unit's files: the settings and the unit's record. */
  unitKey(settings: string, unit: unknown): string {
    return createHash('sha256')
      .update(settings)
      .update(stableJson(unit ?? null))
      .digest('hex');
  }

  /** The key of one file: its unit's key, its path and its bytes (remembered by path in memory). */
  key(unitKey: string, abs: string, rel: string, bytes: Uint8Array): string {
    const key = createHash('sha256').update(unitKey).update(rel).update('\0').update(bytes).digest('hex');
    this.#byPath?.set(abs, { unitKey, key });
    return key;
  }

  get(key: string): CachedDocument | undefined {
    const r = this.#records.get(key);
    if (r) {
      this.#used.add(key);
      this.hits++;
    } else this.misses++;
    return r;
  }

  set(key: string, record: CachedDocument): void {
    this.#records.set(key, record);
    this.#used.add(key);
    this.#changed = true;
  }

  /**
   * Writes the cache back when something was added; after a full check (`prune`), only what
   * this run used is kept, so edited and deleted files do not pile up.
   */
  save(prune: boolean): void {
    if (prune && this.#used.size !== this.#records.size) {
      this.#records = new Map([...this.#records].filter(([k]) => this.#used.has(k)));
      this.#changed = true;
    }
    this.#used.clear();
    if (!this.#file || !this.#changed) return;
    this.#changed = false;
    try {
      writeFileAtomic(this.#file, serialize({ format: FORMAT, records: this.#records }));
    } catch {
      // A read-only cache folder costs speed, not correctness.
    }
  }
}
