/**
 * Stage 2 of loading: every document under content/ — entries, 点题 requests, editorial
 * pages and calendar corrections — placed, read, and checked against the registries.
 */
import { join } from 'node:path';
import { placeContentFile } from '../domain/content-paths.ts';
import { error } from '../domain/diagnostics.ts';
import { CALENDAR_HELP, PAGE_HELP } from '../domain/field-help.ts';
import type { Entry, Page, Request } from '../domain/model.ts';
import { calendarFileSchema, type CalendarFile } from '../domain/schema/calendar.ts';
import { pageFrontMatterSchema } from '../domain/schema/page.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { didYouMean } from '../domain/suggest.ts';
import type { Registries } from './load-registries.ts';
import { isTarget, readsFile, type CheckScope } from './check-scope.ts';
import { checkDocument, type DocumentInput } from './check-document.ts';
import type { CachedDocument, ParseCache } from './parse-cache.ts';
import { romanise } from './romanise.ts';
import { scanFileName } from './scan-document.ts';
import { readBytes, readMarkdown, readText, validateYaml, type Reporter } from './source-file.ts';
import { walkFiles } from '../io/walk.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface Documents {
  entries: Entry[];
  requests: Request[];
  pages: Page[];
  calendars: CalendarFile[];
  imageFiles: string[];
  fileCount: number;
}

export function loadDocuments(
  contentDir: string,
  reg: Registries,
  display: (abs: string) => string,
  report: Reporter,
  scope?: CheckScope,
  cache?: ParseCache,
): Documents {
  const maxBytes = (reg.site?.defaults.max_entry_kb ?? 512) * 1024;
  const settingsKey = cache?.settingsKey({ site: reg.site, catalog: reg.catalog, maxBytes });
  const unitKeys = new Map<string, string>();
  const unitById = new Map(reg.units.map((u) => [u.id, u]));
  const unitCandidates = reg.units.map((u) => ({ id: u.id, name: u.name }));
  const out: Documents = { entries: [], requests: [], pages: [], calendars: [], imageFiles: [], fileCount: 0 };
  const files = scope ? walkFiles(contentDir).filter((rel) => readsFile(scope, rel)) : walkFiles(contentDir);
  // unit/slug → first file: slugs become URLs, so they must be unique within a unit across years.
  const slugs = new Map<string, string>();

  const knownUnit = (abs: string, unitId: string, folder: string): Unit | undefined => {
    const unit = unitById.get(unitId);
    if (!unit && reg.units.length) {
      report.file(
        abs,
        error(
          'unknown-unit',
          `文件夹“${folder}/${unitId}”不是 content/units.yaml 中的单位`,
          `${didYouMean(unitId, unitCandidates) ?? ''}文件夹名必须是单位的标识（id）。`,
        ),
      );
    }
    return unit;
  };

  /** One entry or request checked: from the cache when its key is known, else now (and kept when it can be). */
  const documentOf = (abs: string, rel: string, placed: DocumentInput['placed'], unit: Unit | undefined): CachedDocument | undefined => {
    // Only files of a known unit are kept: the unit's record is part of the key.
    let unitKey: string | undefined;
    if (cache && unit) {
      unitKey = unitKeys.get(unit.id);
      if (!unitKey) unitKeys.set(unit.id, (unitKey = cache.unitKey(settingsKey!, unit)));
    }
    const known = cache && unitKey ? cache.knownKey(abs, unitKey) : undefined;
    const kept = known ? cache!.get(known) : undefined;
    if (kept) return kept;
    const bytes = readBytes(abs, maxBytes, report);
    if (!bytes) return undefined;
    const key = cache && unitKey ? cache.key(unitKey, abs, rel, bytes) : undefined;
    const hit = key ? cache!.get(key) : undefined;
    if (hit) return hit;
    const checked = checkDocument({ abs, bytes, placed, unit, contentDir }, reg);
    if (key && checked.cacheable) cache!.set(key, checked.doc);
    return checked.doc;
  };

  for (const rel of files) {
    const placed = placeContentFile(rel, romanise);
    const abs = join(contentDir, rel);
    if (placed.kind === 'ignored' || placed.kind === 'registry') continue;
    if (!scope || isTarget(scope, rel)) out.fileCount++;
    // File names become web addresses: scanned for personal data wherever a file sits, even
    // before its name is found unusable for another reason.
    if (reg.site && /^(?:entries|requests)\//.test(rel)) {
      for (const f of scanFileName(rel, reg.site)) report.file(abs, f);
    }
    if (placed.kind === 'misplaced') {
      report.file(abs, placed.finding);
      continue;
    }
    if (placed.kind === 'image') {
      out.imageFiles.push(rel);
      continue;
    }
    if (placed.kind === 'calendar') {
      const text = readText(abs, 1024 * 1024, report);
      if (text === undefined) continue;
      const cal = validateYaml(abs, parseYamlSource(text), calendarFileSchema, CALENDAR_HELP, report);
      if (cal) out.calendars.push(cal);
      continue;
    }
    if (placed.kind === 'entry' || placed.kind === 'request') {
      const key = `${placed.kind}:${placed.unit}/${placed.slug}`;
      const first = slugs.get(key);
      if (first) {
        report.file(
          abs,
          error(
            'duplicate-slug',
            `文件名“${placed.slug}.md”与 ${display(first)} 重复`,
            '同一单位的文件名不能重复（不同年份也不行），因为网址由单位和文件名组成。请给其中一个改名。',
          ),
        );
        continue;
      }
      slugs.set(key, abs);
    }
    if (placed.kind === 'page') {
      const md = readMarkdown(abs, maxBytes, report);
      if (!md) continue;
      const data = validateYaml(abs, md.src, pageFrontMatterSchema, PAGE_HELP, report);
      if (data) out.pages.push({ slug: placed.slug, data, body: md.body, source: { file: display(abs), path: abs, bodyLine: md.bodyLine } });
      continue;
    }
    if (placed.kind !== 'entry' && placed.kind !== 'request') continue;
    const unit = knownUnit(abs, placed.unit, placed.kind === 'entry' ? 'entries' : 'requests');
    const doc = documentOf(abs, rel, placed, unit);
    if (!doc) continue;
    report.replay(abs, doc.findings);
    const source = { file: display(abs), path: abs, bodyLine: doc.bodyLine };
    if (doc.entry) out.entries.push({ ...doc.entry, source });
    if (doc.request) out.requests.push({ ...doc.request, source });
  }
  return out;
}
