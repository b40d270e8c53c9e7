/**
 * Rules across the registries: catalog, units, boards and templates.
 * Findings carry the record index as the first path element, so the loader can point at it.
 */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { Board } from '../schema/board.ts';
import type { CatalogFile } from '../schema/catalog.ts';
import type { Template } from '../schema/template.ts';
import { UNIT_KIND_LABELS, type Unit, type UnitKind } from '../schema/unit.ts';
import { didYouMean } from '../suggest.ts';
import { isMobileNumber, mainDigits, PHONE_FORMAT_HINT } from '../phone.ts';
import { findPersonalData } from '../safety/personal-data.ts';
import { mask } from '../safety/text-findings.ts';

function duplicates<T>(records: readonly T[], key: (r: T) => string, what: string, field: string): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  records.forEach((r, i) => {
    const k = key(r);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else
      out.push(error(`duplicate-${field}`, `${what}“${k}”重复（第 ${first + 1} 条已经用过）`, `每个${what}只能出现一次，请改名或删除重复的一条。`, [i, field]));
  });
  return out;
}

export function checkCatalog(file: CatalogFile): Finding[] {
  const out: Finding[] = duplicates(file.aspects, (a) => a.id, '方面标识', 'id').map((f) => ({ ...f, path: ['aspects', ...(f.path ?? [])] }));
  const seen = new Map<string, string>();
  file.aspects.forEach((aspect, ai) =>
    aspect.items.forEach((item, ii) => {
      const prev = seen.get(item.id);
      if (prev)
        out.push(
          error('duplicate-item', `事项标识“${item.id}”重复（已在方面“${prev}”中使用）`, '每个事项标识只能出现一次。', ['aspects', ai, 'items', ii, 'id']),
        );
      else seen.set(item.id, aspect.name);
    }),
  );
  return out;
}

/** Which kinds a unit of each kind may hang under. */
const PARENT_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  'county-committee': [],
  'county-unit': ['county-committee'],
  town: ['county-committee'],
  village: ['town'],
};

/**
 * The registries print on cards, boards and the site like entries do, so they obey the same
 * personal-data rules: an office phone that is a personal mobile, or an ID, bank card or mobile
 * number in a name, address or place. `allowed` are the site's public numbers (supervision
 * phone, allowed_numbers), which may be mobiles a county chose to publish.
 */
function personalData(record: object, i: number, fields: Record<string, string>, owner: string, allowed: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const [field, label] of Object.entries(fields)) {
    const text = (record as Record<string, unknown>)[field];
    if (typeof text !== 'string') continue;
    for (const f of findPersonalData(text, { allowed })) out.push(error(f.code, `${owner}的${label}里${f.message}`, f.hint, [i, field]));
  }
  return out;
}

function officePhone(u: Unit, i: number, allowed: ReadonlySet<string>): Finding[] {
  if (!u.phone || !isMobileNumber(u.phone) || allowed.has(mainDigits(u.phone))) return [];
  return [
    error(
      'office-phone-mobile',
      `“${u.name}”的电话（${mask(mainDigits(u.phone))}）是个人手机号：单位电话会印在明白卡、公开栏和网站上，不能用个人手机号`,
      `请改成单位的办公电话（${PHONE_FORMAT_HINT}）。如果这是对外公布的值班手机，请把它加入 content/site.yaml 的 allowed_numbers。`,
      [i, 'phone'],
    ),
  ];
}

export function checkUnits(units: readonly Unit[], allowedNumbers: readonly string[] = []): Finding[] {
  const out = duplicates(units, (u) => u.id, '单位标识', 'id');
  const allowed = new Set(allowedNumbers.map(mainDigits));
  units.forEach((u, i) => {
    out.push(...officePhone(u, i, allowed), ...personalData(u, i, { name: '名称', address: '地址', hours: '办公时间' }, `“${u.name}”`, allowedNumbers));
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const candidates = units.map((u) => ({ id: u.id, name: u.name }));
  units.forEach((u, i) => {
    const allowed = PARENT_KINDS[u.kind];
    if (!u.parent) {
      if (allowed.length)
        out.push(
          error(
            'missing-parent',
            `${UNIT_KIND_LABELS[u.kind]}“${u.name}”缺少上级单位（parent）`,
            `请填写上级${allowed.map((k) => UNIT_KIND_LABELS[k]).join('或')}的标识。`,
            [i],
          ),
        );
      return;
    }
    const parent = byId.get(u.parent);
    if (!parent) {
      out.push(
        error('unknown-parent', `上级单位“${u.parent}”不存在`, didYouMean(u.parent, candidates) ?? '请填写 content/units.yaml 中已有单位的 id。', [
          i,
          'parent',
        ]),
      );
    } else if (!allowed.includes(parent.kind)) {
      out.push(
        error(
          'wrong-parent-kind',
          `${UNIT_KIND_LABELS[u.kind]}的上级应当是${allowed.map((k) => UNIT_KIND_LABELS[k]).join('或') || '（无）'}，“${parent.name}”是${UNIT_KIND_LABELS[parent.kind]}`,
          '请核对 parent 和 kind。',
          [i, 'parent'],
        ),
      );
    }
  });
  if (units.filter((u) => u.kind === 'county-committee').length > 1) {
    out.push(error('multiple-county-committees', '只能有一个县委（county-committee）', '请检查 kind 字段。', []));
  }
  return out;
}

export function checkBoards(
  boards: readonly Board[],
  units: readonly Unit[],
  templates: ReadonlyMap<string, Template>,
  allowedNumbers: readonly string[] = [],
): Finding[] {
  const out = duplicates(boards, (b) => b.id, '公开栏标识', 'id');
  boards.forEach((b, i) =>
    out.push(...personalData(b, i, { location: '位置', material: '材料', finish: '表面处理', mounting: '安装方式' }, `公开栏 ${b.id} `, allowedNumbers)),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const unitCandidates = units.map((u) => ({ id: u.id, name: u.name }));
  const templateCandidates = [...templates].map(([id, t]) => ({ id, name: t.name }));
  boards.forEach((b, i) => {
    const unit = unitById.get(b.unit);
    if (!unit)
      out.push(error('unknown-unit', `单位“${b.unit}”不在 content/units.yaml 中`, didYouMean(b.unit, unitCandidates) ?? '请填写已有单位的 id。', [i, 'unit']));
    const t = templates.get(b.template);
    if (!t) {
      out.push(
        error(
          'unknown-template',
          `模板“${b.template}”不存在`,
          `${didYouMean(b.template, templateCandidates) ?? ''}可用的模板：${[...templates.keys()].join('、')}（见 templates/ 文件夹）。`,
          [i, 'template'],
        ),
      );
    } else if (t.kind !== 'board') {
      out.push(error('not-a-board-template', `模板“${b.template}”是明白卡模板，不能用于公开栏`, '请换成公开栏模板。', [i, 'template']));
    }
    if (b.height_mm > b.width_mm * 3 || b.width_mm > b.height_mm * 6) {
      out.push(
        warning('odd-board-shape', `公开栏尺寸 ${b.width_mm}×${b.height_mm} 毫米的长宽比异常`, '请确认宽度（width_mm）和高度（height_mm）没有写反或写错。', [
          i,
        ]),
      );
    }
  });
  return out;
}
