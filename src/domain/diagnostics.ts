/**
 * Diagnostics: what `check` tells a clerk. Pure data; formatting lives in the CLI.
 *
 * Rules report a Finding against a field path; the loader, which knows where each
 * field sits in the file, turns it into a Diagnostic with line and column.
 */

export type Severity = 'error' | 'warning';

export type FieldPath = readonly (string | number)[];

export interface Finding {
  severity: Severity;
  /** Stable, kebab-case; documented for clerks in .github/guides/clerks.md (its codes table). */
  code: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese (shown after 提示：). */
  hint?: string;
  /** The field the finding is about; empty for the whole file. */
  path?: FieldPath;
  /** When set, report against this field's key rather than its value (unknown keys). */
  atKey?: boolean;
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  /** Path as shown to clerks: relative to the working directory, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

const make =
  (severity: Severity) =>
  (code: string, message: string, hint?: string, path?: FieldPath): Finding => ({
    severity,
    code,
    message,
    ...(hint ? { hint } : {}),
    ...(path ? { path } : {}),
  });

export const error = make('error');
export const warning = make('warning');

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
