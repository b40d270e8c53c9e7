/**
 * Values wrapped in Word's “smart quotes”. YAML only treats straight quotes ("…", '…') as
 * quoting, so `title: “2026年党费收缴情况”` is published with the curly quotes on the board,
 * the site and the cards. Quotes inside a value (“三重一大”事项) are wording and pass.
 */
import { warning, type FieldPath, type Finding } from '../diagnostics.ts';

const WRAPPED = /^\s*([“‘])([^“”‘’]*)([”’])\s*$/;

export function findSmartQuotedValues(value: unknown, path: FieldPath = []): Finding[] {
  if (typeof value === 'string') {
    const m = WRAPPED.exec(value);
    if (!m) return [];
    const key = [...path].reverse().find((k) => typeof k === 'string');
    const inner = m[2]!.trim();
    return [
      warning(
        'smart-quotes',
        `值 ${value.trim()} 两端的中文引号会原样公开（印到公开栏上）`,
        `值不需要加引号。请删掉两端的 ${m[1]} ${m[3]}${key ? `，写成：${key}: ${inner}` : ''}`,
        path,
      ),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findSmartQuotedValues(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findSmartQuotedValues(v, [...path, k]));
  return [];
}
