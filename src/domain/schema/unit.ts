/** Units (党组织): one record per unit in content/units.yaml. */
import { z } from 'zod';
import type { Level } from './catalog.ts';
import { idSchema, nonEmptyText, phoneSchema, positiveInt } from './common.ts';

export const UNIT_KINDS = ['county-committee', 'county-unit', 'town', 'village'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  'county-committee': '县委',
  'county-unit': '县直单位',
  town: '镇（街道）',
  village: '村（社区）',
};

/** Which catalog level a unit kind answers to; the county committee reports as a county-level unit. */
export const LEVEL_OF_KIND: Record<UnitKind, Level> = {
  'county-committee': 'county_unit',
  'county-unit': 'county_unit',
  town: 'town',
  village: 'village',
};

/** Git forge handles (@zhangsan) or teams (@org/team). */
const handleSchema = z.string().regex(/^@?[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.-]+)?$/, { error: '维护人应当填写代码托管平台的用户名，例如 @zhangsan' });

export const unitSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText('单位名称', 40),
    kind: z.enum(UNIT_KINDS, { error: `单位类型只能是：${UNIT_KINDS.join('、')}` }),
    parent: idSchema.optional(),
    maintainers: z.array(handleSchema).default([]),
    households: positiveInt('户数', 100000).optional(),
    phone: phoneSchema.optional(),
    address: nonEmptyText('办公地址', 80).optional(),
    hours: nonEmptyText('办公时间', 60).optional(),
  })
  .strict();

export const unitsFileSchema = z.array(unitSchema);

export type Unit = z.infer<typeof unitSchema>;
