/**
 * One content file on its way in: read (with a size cap), decoded, YAML parsed, schema
 * checked, every problem turned into a Diagnostic with the file's own line and column.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { z } from 'zod';
import { type Diagnostic, type Finding } from '../domain/diagnostics.ts';
import { parseWith, zodFindings, type FieldHelp } from '../domain/schema-findings.ts';
import { decodeText } from './decode-text.ts';
import type { CachedFinding } from './parse-cache.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseYamlSource, type Position, type YamlSource } from './yaml-source.ts';
import { error } from '../domain/diagnostics.ts';
import { findSmartQuotedValues } from '../domain/rules/smart-quotes.ts';
import { positionOf, type TextFinding } from '../domain/safety/text-findings.ts';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  readonly display: (abs: string) => string;

  constructor(display: (abs: string) => string) {
    this.display = display;
  }

  at(abs: string, pos: Position, f: Finding): void {
    this.diagnostics.push({
      severity: f.severity,
      code: f.code,
      file: this.display(abs),
      line: pos.line,
      column: pos.column,
      message: f.message,
      ...(f.hint ? { hint: f.hint } : {}),
    });
  }

  /** A finding about a whole file, pinned to its first line. */
  file(abs: string, f: Finding): void {
    this.at(abs, { line: 1, column: 1 }, f);
  }

  /** Findings against fields of a parsed YAML source. */
  fields(abs: string, src: YamlSource, findings: readonly Finding[]): void {
    for (const f of findings) this.at(abs, src.locate(f.path ?? [], f.atKey), f);
  }

  /** Findings located by offset in a file's text. */
  text(abs: string, text: string, findings: readonly TextFinding[]): void {
    for (const f of findings) {
      this.at(abs, positionOf(text, f.offset), { severity: f.severity, code: f.code, message: f.message, ...(f.hint ? { hint: f.hint } : {}) });
    }
  }

  /** Findings kept from an earlier check of the same file (parse-cache.ts). */
  replay(abs: string, findings: readonly CachedFinding[]): void {
    for (const f of findings) this.at(abs, f, { severity: f.severity, code: f.code, message: f.message, ...(f.hint ? { hint: f.hint } : {}) });
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}

/** Reads and decodes a text file, refusing oversized ones before reading them. */
export function readText(abs: string, maxBytes: number, report: Reporter): string | undefined {
  const buf = readBytes(abs, maxBytes, report);
  return buf === undefined ? undefined : decodeBytes(abs, buf, report);
}

/** A file's bytes, refusing oversized ones before reading them. */
export function readBytes(abs: string, maxBytes: number, report: Reporter): Buffer | undefined {
  // One open + fstat + read: a separate stat() per file costs a second at 40,000 entries.
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    report.file(abs, error('file-unreadable', '无法读取这个文件', '请确认文件存在并且有读取权限。'));
    return undefined;
  }
  let buf: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      const mb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
      report.file(
        abs,
        error(
          'file-too-large',
          `文件太大（${mb(size)}），上限是 ${mb(maxBytes)}`,
          '条目只放文字和表格；图片请另存为 JPG/PNG 放在本单位文件夹中再引用，长附件请拆分。',
        ),
      );
      return undefined;
    }
    buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    buf = buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  return buf;
}

/** Decodes a text file's bytes (UTF-8 with or without BOM, or GBK; see decode-text.ts). */
export function decodeBytes(abs: string, buf: Buffer, report: Reporter): string | undefined {
  return decodeReadable(abs, buf, report).text;
}

/**
 * The text of a file's bytes, and whether it was refused: a GBK file is refused (reported) but
 * still read, so its other problems are found in the same run.
 */
export function decodeReadable(abs: string, buf: Buffer, report: Reporter): { text: string | undefined; refused: boolean } {
  const decoded = decodeText(buf);
  if (!decoded.ok) {
    report.file(abs, decoded.finding);
    return { text: decoded.readable, refused: true };
  }
  return { text: decoded.text, refused: false };
}

/** Parses YAML text and checks it against a schema; undefined (with diagnostics) when invalid. */
export function validateYaml<T extends z.ZodType>(abs: string, src: YamlSource, schema: T, help: FieldHelp, report: Reporter): z.output<T> | undefined {
  for (const p of src.problems) report.at(abs, p, { severity: 'error', code: p.code, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
  if (src.problems.length) return undefined;
  report.fields(abs, src, findSmartQuotedValues(src.value));
  const result = parseWith(schema, src.value ?? {});
  if (result.success) return result.data;
  report.fields(abs, src, zodFindings(result.error, help, 'invalid-field', schema));
  return undefined;
}

export interface MarkdownSource {
  text: string;
  src: YamlSource;
  body: string;
  bodyLine: number;
}

/** Reads a Markdown file with front matter; undefined (with diagnostics) when unreadable. */
export function readMarkdown(abs: string, maxBytes: number, report: Reporter): MarkdownSource | undefined {
  const text = readText(abs, maxBytes, report);
  return text === undefined ? undefined : readMarkdownSource(abs, text, report);
}

/** Splits a Markdown file's text into front matter (parsed) and body. */
export function readMarkdownSource(abs: string, text: string, report: Reporter): MarkdownSource | undefined {
  const split = splitFrontMatter(text);
  if (!split.ok) {
    report.file(abs, split.finding);
    return undefined;
  }
  const src = parseYamlSource(split.split.yaml, split.split.yamlLineOffset);
  if (!src.problems.length && (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value))) {
    report.at(
      abs,
      { line: 2, column: 1 },
      error('front-matter-not-map', '信息区的格式不对：应当是一行一个“字段名: 值”', '例如：\ntitle: 2026年上半年党费收缴情况\nitem: dues-collection'),
    );
    return undefined;
  }
  return { text, src, body: split.split.body, bodyLine: split.split.bodyLine };
}
