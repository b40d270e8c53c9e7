/**
 * Stage 2 of loading: every document under content/ — entries, 点题 requests, editorial
 * pages and calendar corrections — placed, read, and checked against the registries.
 */
import { join } from 'node:path';
import { placeContentFile } from '../domain/content-paths.ts';
import { error } from '../domain/diagnostics.ts';
import { CALENDAR_HELP, ENTRY_HELP, PAGE_HELP, REQUEST_HELP } from '../domain/field-help.ts';
import type { Entry, Page, Request } from '../domain/model.ts';
import { PLACEHOLDER } from '../domain/new-entry.ts';
import { checkEntry } from '../domain/rules/entry-rules.ts';
import { checkRequest } from '../domain/rules/request-rules.ts';
import { calendarFileSchema, type CalendarFile } from '../domain/schema/calendar.ts';
import { entryFrontMatterSchema } from '../domain/schema/entry.ts';
import { pageFrontMatterSchema } from '../domain/schema/page.ts';
import { requestFrontMatterSchema } from '../domain/schema/request.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { didYouMean } from '../domain/suggest.ts';
import type { Registries } from './load-registries.ts';
import { isTarget, readsFile, type CheckScope } from './check-scope.ts';
import { romanise } from './romanise.ts';
import { scanDocument, scanFileName } from './scan-document.ts';
import { readMarkdown, readText, validateYaml, type MarkdownSource, type Reporter } from './source-file.ts';
import { walkFiles } from './walk.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface Documents {
  entries: Entry[];
  requests: Request[];
  pages: Page[];
  calendars: CalendarFile[];
  imageFiles: string[];
  fileCount: number;
}

/** Warnings about an entry still being written: placeholders left in, an empty body. */
function reportUnfinished(abs: string, md: MarkdownSource, report: Reporter): void {
  const pending = md.text.indexOf(PLACEHOLDER);
  if (pending >= 0) {
    const before = md.text.slice(0, pending).split('\n');
    report.at(
      abs,
      { line: before.length, column: before[before.length - 1]!.length + 1 },
      {
        severity: 'warning',
        code: 'placeholder',
        message: `还有“${PLACEHOLDER}”的地方没有填写`,
        hint: '请把所有“（待填写）”换成实际内容（审核人、审批人、摘要、正文），再提交审核。',
      },
    );
  }
  if (md.body.trim() === '') {
    report.at(abs, { line: md.bodyLine, column: 1 }, { severity: 'warning', code: 'empty-body', message: '正文是空的', hint: '请在第二个“---”下面写正文。' });
  }
}

export function loadDocuments(contentDir: string, reg: Registries, display: (abs: string) => string, report: Reporter, scope?: CheckScope): Documents {
  const maxBytes = (reg.site?.defaults.max_entry_kb ?? 512) * 1024;
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

  for (const rel of files) {
    const placed = placeContentFile(rel);
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
    const md = readMarkdown(abs, maxBytes, report);
    if (!md) continue;
    const source = { file: display(abs), path: abs, bodyLine: md.bodyLine };
    if (placed.kind === 'page') {
      const data = validateYaml(abs, md.src, pageFrontMatterSchema, PAGE_HELP, report);
      if (data) out.pages.push({ slug: placed.slug, data, body: md.body, source });
      continue;
    }
    if (placed.kind !== 'entry' && placed.kind !== 'request') continue;
    const unit = knownUnit(abs, placed.unit, placed.kind === 'entry' ? 'entries' : 'requests');
    if (placed.kind === 'entry') {
      const fm = validateYaml(abs, md.src, entryFrontMatterSchema, ENTRY_HELP, report);
      if (fm) reportUnfinished(abs, md, report);
      const checked =
        fm && unit && reg.catalog && reg.site ? checkEntry(fm, { catalog: reg.catalog, site: reg.site, unit, yearFolder: placed.year, romanise }) : undefined;
      if (checked) report.fields(abs, md.src, checked.findings);
      // Safety scans run whatever else is wrong, so personal data is never hidden behind a
      // mistyped date or item; until the scope is known, an entry counts as public.
      const raw = (md.src.value ?? {}) as Record<string, unknown>;
      const item = fm?.item ?? (typeof raw.item === 'string' ? raw.item : undefined);
      const scope = checked?.data?.scope ?? (raw.scope === 'party' ? 'party' : (item && reg.catalog?.items.get(item)?.scope) || 'public');
      const scanned = reg.site
        ? scanDocument(
            { abs, text: md.text, body: md.body, published: scope === 'public', recruitment: item === 'recruitment-publicity', contentDir, unit: placed.unit },
            reg.site,
          )
        : [];
      report.text(abs, md.text, scanned);
      const data = checked?.data;
      if (data && !checked.findings.some((f) => f.severity === 'error') && !scanned.some((f) => f.severity === 'error')) {
        out.entries.push({ id: `${placed.unit}/${placed.slug}`, unit: placed.unit, slug: placed.slug, data, body: md.body, source });
      }
    } else {
      const fm = validateYaml(abs, md.src, requestFrontMatterSchema, REQUEST_HELP, report);
      if (!fm || !unit) continue;
      const findings = checkRequest(fm, placed.year);
      report.fields(abs, md.src, findings);
      // The request log is public: the same scans as a public entry.
      const scanned = reg.site
        ? scanDocument({ abs, text: md.text, body: md.body, published: true, recruitment: false, contentDir, unit: unit.id }, reg.site)
        : [];
      report.text(abs, md.text, scanned);
      if (!findings.some((f) => f.severity === 'error') && !scanned.some((f) => f.severity === 'error')) {
        out.requests.push({ id: `${placed.unit}/${placed.slug}`, unit: placed.unit, slug: placed.slug, data: fm, body: md.body, source });
      }
    }
  }
  return out;
}
