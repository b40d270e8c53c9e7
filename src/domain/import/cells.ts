/**
 * One spreadsheet row read cell by cell: each value parsed the way clerks type it (320户,
 * 2.4米, 2400*1200, 0312-8123456转801, @zhangsan、@lisi), each failure a problem at that cell
 * with the fix, and each value read into another form than typed recorded for the dry run.
 */
import { PHONE_FORMAT_HINT, phoneFromCell } from '../phone.ts';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../schema/unit.ts';
import { columnLetter, type ImportProblem, type Sheet } from './sheet.ts';
import { readSize, SIZE_EXAMPLE, unitOfHeader } from './sizes.ts';

export class RowReader<K extends string> {
  readonly problems: ImportProblem[] = [];
  /** Values read into another form than typed, by column: shown by the dry run. */
  readonly conversions = new Map<K, string>();
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

  /** The cell as typed, '' when the column is absent or the cell empty. */
  raw(key: K): string {
    const i = this.columns.get(key);
    return i === undefined ? '' : (this.row.cells[i] ?? '');
  }

  /** The cell's text without surrounding spaces. */
  text(key: K): string {
    return this.raw(key).trim();
  }

  has(key: K): boolean {
    return this.columns.has(key);
  }

  /** The header of a column as the sheet writes it, e.g. 尺寸（宽×高）. */
  header(key: K): string {
    const i = this.columns.get(key);
    return i === undefined ? '' : (this.headers[i] ?? '');
  }

  /** Records that a cell was read into another form: “4300户” → 4300. */
  converted(key: K, label: string, to: string, how?: string): void {
    this.conversions.set(key, `${label}：“${this.raw(key)}” → ${to}${how ? `（${how}）` : ''}`);
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

  /** A required cell; a missing column is one problem at the header, not one per row, so this says nothing then. */
  required(key: K, label: string, max: number): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.limited(key, label, max);
    if (!this.text(key)) return this.problem(key, `${label}是空的`, `请填写${label}；整行不要的话请删除这一行。`);
    return v;
  }

  /**
   * Text up to `max` characters, or undefined when empty. Spaces around it, and spaces typed
   * between Chinese characters (东门 社区, full-width ones too), are dropped and said.
   */
  limited(key: K, label: string, max: number): string | undefined {
    const raw = this.raw(key);
    const v = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '');
    if (!v) return undefined;
    if ([...v].length > max) return this.problem(key, `${label}太长（${[...v].length} 个字，最多 ${max} 个）`, '请缩短。');
    if (v !== raw) this.converted(key, label, v, '去掉多余的空格');
    return v;
  }

  /** A whole number, tolerating 户/人/个, thousands separators and full-width digits. */
  integer(key: K, label: string, max: number): number | undefined {
    const v = this.text(key)
      .normalize('NFKC')
      .replace(/[,，\s]/g, '')
      .replace(/(户|人|个)$/, '');
    if (!v) return undefined;
    if (!/^\d+$/.test(v)) return this.problem(key, `${label}“${this.raw(key)}”不是整数`, `请只写数字，例如 320。`);
    const n = Number(v);
    if (n > max) return this.problem(key, `${label} ${n} 太大（最多 ${max}）`, '请核对这个数字。');
    if (String(n) !== this.raw(key)) this.converted(key, label, String(n));
    return n;
  }

  /**
   * Lengths in millimetres: one (宽, 高) or width and height in one cell (尺寸). Units, × x * and
   * spaces are read as offices write them; a number without a unit is taken in the unit it most
   * likely is (2.4 米, 240 厘米, 2400 毫米) or the unit the header names (宽（米）).
   */
  lengths(key: K, label: string, min: 1 | 2, max: 1 | 2): number[] | undefined {
    const cell = this.text(key);
    if (!cell) return undefined;
    const read = readSize(cell, unitOfHeader(this.header(key)));
    if ('unreadable' in read) return this.problem(key, `${label}“${this.raw(key)}”不是尺寸`, SIZE_EXAMPLE);
    const count = 'count' in read ? read.count : read.ok.mm.length;
    if (count > max)
      return this.problem(
        key,
        `${label}“${this.raw(key)}”写了 ${count} 个数`,
        max === 1 ? `这一列只写一个数。${SIZE_EXAMPLE}` : '请写宽×高两个数，例如 2400×1200。',
      );
    if ('count' in read) return undefined;
    const { mm, converted, how } = read.ok;
    if (mm.length < min) return this.problem(key, `${label}“${this.raw(key)}”只有一个数，应当写宽×高`, '请写宽×高两个数，例如 2400×1200 或 2.4米×1.2米。');
    const bad = mm.find((n) => n < 100 || n > 10000);
    if (bad !== undefined) return this.problem(key, `${label}“${this.raw(key)}”是 ${bad} 毫米，不在 100～10000 毫米之间`, `请核对数字和单位。${SIZE_EXAMPLE}`);
    if (converted) this.converted(key, label, `${mm.join('×')} 毫米`, how);
    return mm;
  }

  /** An office phone, in the one written form (0312-8123456转801); the dry run shows what was changed. */
  phone(key: K, label: string): string | undefined {
    const v = this.text(key);
    if (!v) return undefined;
    const read = phoneFromCell(v);
    if (!read.phone) return this.problem(key, `${label}“${this.raw(key)}”不是电话号码`, `${PHONE_FORMAT_HINT}。`);
    if (read.phone !== this.raw(key)) this.converted(key, label, read.phone, read.how ?? '去掉多余的空格');
    return read.phone;
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
    const handles = list.map((h) => (h.startsWith('@') ? h : `@${h}`));
    if (handles.join('、') !== this.raw(key)) this.converted(key, label, handles.join('、'));
    return handles;
  }

  kind(key: K): UnitKind | undefined {
    if (!this.has(key)) return undefined;
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
