/**
 * One entry or 点题 file, checked: decoded, front matter parsed and schema-checked, the rules
 * of its kind applied, and the safety scans run over its whole text. What it gives — its
 * findings with line and column, and the entry or request when it passed — is a plain record,
 * so the parse cache (parse-cache.ts) can keep it by the file's bytes.
 */
import type { Placed } from '../domain/content-paths.ts';
import { ENTRY_HELP, REQUEST_HELP } from '../domain/field-help.ts';
import { PLACEHOLDER } from '../domain/new-entry.ts';
import { checkEntry } from '../domain/rules/entry-rules.ts';
import { aboutTouched, repairForRules } from '../domain/rules/rules-despite-errors.ts';
import { checkRequest } from '../domain/rules/request-rules.ts';
import { entryFrontMatterSchema } from '../domain/schema/entry.ts';
import { requestFrontMatterSchema } from '../domain/schema/request.ts';
import type { Unit } from '../domain/schema/unit.ts';
import type { Registries } from './load-registries.ts';
import type { CachedDocument } from './parse-cache.ts';
import { romanise } from './romanise.ts';
import { scanDocument } from './scan-document.ts';
import { decodeReadable, readMarkdownSource, Reporter, validateYaml, type MarkdownSource } from './source-file.ts';

export interface DocumentInput {
  abs: string;
  bytes: Buffer;
  placed: Extract<Placed, { kind: 'entry' | 'request' }>;
  unit: Unit | undefined;
  contentDir: string;
}

/** Images in a body: their check reads the image files, which a cache key of the text does not cover. */
const SHOWS_IMAGES = /!\[|<img\b/i;

export function checkDocument(input: DocumentInput, reg: Registries): { doc: CachedDocument; cacheable: boolean } {
  const { abs, placed, unit } = input;
  // Findings are collected against the file alone and named with the file by the caller.
  const report = new Reporter(() => '');
  const doc: CachedDocument = { findings: [], bodyLine: 1 };
  const done = (md: MarkdownSource | undefined) => {
    doc.findings = report.diagnostics.map(({ severity, code, line, column, message, hint }) => ({
      severity,
      code,
      line,
      column,
      message,
      ...(hint ? { hint } : {}),
    }));
    return { doc, cacheable: !md || !SHOWS_IMAGES.test(md.body) };
  };
  const { text, refused } = decodeReadable(abs, input.bytes, report);
  const md = text === undefined ? undefined : readMarkdownSource(abs, text, report);
  if (!md) return done(md);
  doc.bodyLine = md.bodyLine;
  const id = { id: `${placed.unit}/${placed.slug}`, unit: placed.unit, slug: placed.slug };
  if (placed.kind === 'entry') {
    const fm = validateYaml(abs, md.src, entryFrontMatterSchema, ENTRY_HELP, report);
    if (fm) reportUnfinished(abs, md, report);
    const ctx = unit && reg.catalog && reg.site ? { catalog: reg.catalog, site: reg.site, unit, yearFolder: placed.year, romanise } : undefined;
    const checked = fm && ctx ? checkEntry(fm, ctx) : undefined;
    if (checked) report.fields(abs, md.src, checked.findings);
    else if (ctx && !md.src.problems.length) {
      // The schema refused some fields: the rules still speak for the others, so every problem is listed in one run.
      const repaired = repairForRules(entryFrontMatterSchema, md.src.value);
      const rules = repaired ? checkEntry(repaired.data, ctx).findings : [];
      report.fields(
        abs,
        md.src,
        rules.filter((f) => !aboutTouched(f, repaired!.touched)),
      );
    }
    // Safety scans run whatever else is wrong, so personal data is never hidden behind a
    // mistyped date or item; until the scope is known, an entry counts as public.
    const raw = (md.src.value ?? {}) as Record<string, unknown>;
    const item = fm?.item ?? (typeof raw.item === 'string' ? raw.item : undefined);
    const scope = checked?.data?.scope ?? (raw.scope === 'party' ? 'party' : (item && reg.catalog?.items.get(item)?.scope) || 'public');
    const scanned = reg.site
      ? scanDocument(
          {
            abs,
            text: md.text,
            body: md.body,
            published: scope === 'public',
            recruitment: item === 'recruitment-publicity',
            contentDir: input.contentDir,
            unit: placed.unit,
          },
          reg.site,
        )
      : [];
    report.text(abs, md.text, scanned);
    const data = checked?.data;
    if (data && !refused && !checked.findings.some((f) => f.severity === 'error') && !scanned.some((f) => f.severity === 'error'))
      doc.entry = { ...id, data, body: md.body };
    return done(md);
  }
  const fm = validateYaml(abs, md.src, requestFrontMatterSchema, REQUEST_HELP, report);
  if (!fm || !unit) return done(md);
  const findings = checkRequest(fm, placed.year);
  report.fields(abs, md.src, findings);
  // The request log is public: the same scans as a public entry.
  const scanned = reg.site
    ? scanDocument({ abs, text: md.text, body: md.body, published: true, recruitment: false, contentDir: input.contentDir, unit: unit.id }, reg.site)
    : [];
  report.text(abs, md.text, scanned);
  if (!refused && !findings.some((f) => f.severity === 'error') && !scanned.some((f) => f.severity === 'error'))
    doc.request = { ...id, data: fm, body: md.body };
  return done(md);
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
