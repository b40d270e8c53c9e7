/**
 * One spreadsheet row read cell by cell: each value parsed the way clerks type it (320户,
 * 2.4米, 0571-1234567, 张三、李四), each failure a problem at that cell with the fix.
 */
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../schema/unit.ts';
import { columnLetter, type ImportProblem, type Sheet } from './sheet.ts';

export class RowReader<K extends string> {
  readonly problems: ImportProblem[] = [];
  private readonly sheet: Sheet;
  private readonly columns: Map<K, number>;
  private readonly headers: readonly string[];
  readonly row: { row: number; cells: string[] };

  constructor(sheet: Sheet, columns: Map<K, number>, headers: readonly string[], row: { row: number; cells: string[] }) {
    this.sheet = sheet;
    this.columns = columns;
    this.headers = headers;
    this.row = row;
  }

  /** The cell's text, '' when the column is absent or the cell empty. */
  text(key: K): string {
    const i = this.columns.get(key);
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }

  has(key: K): boolean {
    return this.columns.has(key);
  }

  problem(key: K | undefined, message: string, hint?: string, severity: ImportProblem['severity'] = 'error'): undefined {
    const i = key === undefined ? undefined : this.columns.get(key);
    this.problems.push({
      severity,
      sheet: this.sheet.name,
      row: this.row.row,
      ...(i === undefined ? {} : { column: `${columnLetter(i)} 列（${this.headers[i] ?? ''}）` }),
      message,
      ...(hint ? { hint } : {}),
    });
    return undefined;
  }

  required(key: K, label: string, max: number): string | undefined {
    const v = this.text(key);
    if (!v) return this.problem(key, `${label}是空的`, `请填写${label}；整行不要的话请删除这一行。`);
    return this.limited(key, label, max);
  }

  /** Text up to `max` characters, or undefined when empty. */
  limited(key: K, label: string, max: number): string | undefined {
    const v = this.text(key);
    if (!v) return undefined;
    if ([...v].length > max) return this.problem(key, `${label}太长（${[...v].length} 个字，最多 ${max} 个）`, '请缩短。');
    return v;
  }

  /** A whole number, tolerating 户/人 and thousands separators. */
  integer(key: K, label: string, max: number): number | undefined {
    const v = this.text(key)
      .normalize('NFKC')
      .replace(/[,，\s]/g, '')
      .replace(/(户|人|个)$/, '');
    if (!v) return undefined;
    if (!/^\d+$/.test(v)) return this.problem(key, `${label}“${this.text(key)}”不是整数`, `请只写数字，例如 320。`);
    const n = Number(v);
    if (n > max) return this.problem(key, `${label} ${n} 太大（最多 ${max}）`, '请核对这个数字。');
    return n;
  }

  /** Millimetres; 2.4米, 240厘米 and 2400mm are converted, a bare small number is asked about. */
  millimetres(key: K, label: string): number | undefined {
    const raw = this.text(key).normalize('NFKC').replace(/\s/g, '');
    if (!raw) return this.problem(key, `${label}是空的`, `请填写${label}（毫米），例如 2400。`);
    const m = /^(\d+(?:\.\d+)?)(mm|毫米|cm|厘米|m|米)?$/i.exec(raw);
    if (!m) return this.problem(key, `${label}“${raw}”不是尺寸`, `请写毫米数，例如 2400（也可以写 2.4米、240厘米）。`);
    const unit = (m[2] ?? 'mm').toLowerCase();
    const mm = Math.round(Number(m[1]) * (unit === 'm' || unit === '米' ? 1000 : unit === 'cm' || unit === '厘米' ? 10 : 1));
    if (!m[2] && mm < 100)
      return this.problem(
        key,
        `${label}“${raw}”太小，单位应当是毫米`,
        `如果是米，请写 ${raw}米 或 ${Math.round(Number(m[1]) * 1000)}；如果是厘米，请写 ${raw}厘米。`,
      );
    if (mm < 100 || mm > 10000) return this.problem(key, `${label} ${mm} 毫米不在 100～10000 毫米之间`, '请核对尺寸和单位。');
    return mm;
  }

  phone(key: K, label: string): string | undefined {
    const v = this.text(key).normalize('NFKC');
    if (!v) return undefined;
    if (!/^[0-9()\- +]{5,24}$/.test(v))
      return this.problem(key, `${label}“${this.text(key)}”不是电话号码`, '电话只能有数字、连字符和括号，例如 0571-12345678。');
    return v;
  }

  /** Forge accounts separated by 、，, or spaces; the @ is added when missing. */
  handles(key: K, label: string): string[] | undefined {
    const v = this.text(key);
    if (!v) return undefined;
    const list = v.split(/[、，,;；\s]+/).filter(Boolean);
    const bad = list.filter((h) => !/^@?[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.-]+)?$/.test(h));
    if (bad.length)
      return this.problem(
        key,
        `${label}“${bad.join('、')}”不是代码托管平台的用户名`,
        '请写平台上的用户名（英文、数字），多人用顿号隔开，例如 @zhangsan、@lisi；不要写中文姓名。',
      );
    return list.map((h) => (h.startsWith('@') ? h : `@${h}`));
  }

  kind(key: K): UnitKind | undefined {
    const v = this.text(key).replace(/\s/g, '');
    if (!v) return this.problem(key, '类型是空的', `请填写：${KIND_WORDS_HINT}。`);
    const kind = kindOf(v);
    if (!kind) return this.problem(key, `类型“${v}”不认识`, `只能填：${KIND_WORDS_HINT}。`);
    return kind;
  }
}

const KIND_WORDS_HINT = UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join('、');

/** 村、社区、村（社区） → village; 镇、乡、街道 → town; 县直、县直单位、部门 → county-unit; 县委 → county-committee. */
export function kindOf(text: string): UnitKind | undefined {
  const t = text.normalize('NFKC').replace(/[()（）]/g, '');
  if ((UNIT_KINDS as readonly string[]).includes(t)) return t as UnitKind;
  if (/^(县委|县委员会)$/.test(t)) return 'county-committee';
  if (/^(县直|县直单位|县直部门|县级单位|部门|机关)$/.test(t)) return 'county-unit';
  if (/^(镇|乡|街道|镇街道|乡镇|乡镇街道|镇街)$/.test(t)) return 'town';
  if (/^(村|社区|村社区|居委会)$/.test(t)) return 'village';
  return undefined;
}
