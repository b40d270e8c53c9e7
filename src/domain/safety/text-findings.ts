/**
 * Findings about a span of a file's text (a secret marking, an ID number), located by
 * offset; the loader turns offsets into line and column.
 */
import type { Severity } from '../diagnostics.ts';

export interface TextFinding {
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  /** Offset of the span in the scanned text. */
  offset: number;
  length: number;
}

/** 1-based line and column of an offset, counting lines as the clerk's editor does. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Shows a found number with its middle masked, so the report itself does not repeat it. */
export function mask(s: string): string {
  return s.length <= 6 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 6)}${s.slice(-3)}`;
}
