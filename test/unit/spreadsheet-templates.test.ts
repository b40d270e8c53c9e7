/**
 * The spreadsheet templates the webmaster's guide links: they exist, and what the importer makes
 * of them is clean — every header known, every example row valid — so a county starting from
 * them meets no problem the template itself caused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/load/spreadsheet-file.ts';
import { romanise } from '../../src/load/romanise.ts';
import { loadTemplates } from '../../src/load/load-registries.ts';
import { Reporter } from '../../src/load/source-file.ts';
import { planBoards } from '../../src/domain/import/board-import.ts';
import { planUnits } from '../../src/domain/import/unit-import.ts';
import { unitsFileSchema } from '../../src/domain/schema/unit.ts';
import { ROOT, TEMPLATES } from '../helpers.ts';

const guide = readFileSync(join(ROOT, '.github/guides/webmaster.md'), 'utf8');
const county = unitsFileSchema.parse([{ id: 'county', name: '中共清河县委员会', kind: 'county-committee' }]);

describe('spreadsheet templates', () => {
  it('are linked from the webmaster guide', () => {
    expect(guide).toContain('](../../public/templates/units-template.csv)');
    expect(guide).toContain('](../../public/templates/boards-template.csv)');
  });

  it('import without a problem: units, then boards against those units', async () => {
    const units = planUnits((await readWorkbook(join(ROOT, 'public/templates/units-template.csv')))[0]!, county, '清河县', (s) => romanise(s).full);
    expect(units.problems).toEqual([]);
    expect(units.added.map((i) => units.records[i]!.id)).toEqual(['cu-zuzhibu', 't-chengguan', 'v-chengguan-dongmen']);
    const boards = planBoards(
      (await readWorkbook(join(ROOT, 'public/templates/boards-template.csv')))[0]!,
      [],
      units.records,
      loadTemplates(TEMPLATES, new Reporter((f) => f)),
    );
    expect(boards.problems).toEqual([]);
    expect(boards.records.map((b) => [b.id, b.template])).toEqual([
      ['b-cu-zuzhibu', 'county-unit'],
      ['b-t-chengguan', 'town'],
      ['b-v-chengguan-dongmen', 'village'],
    ]);
  });

  it('name in the guide every column the importer knows by its first header', async () => {
    const { UNIT_COLUMNS } = await import('../../src/domain/import/unit-import.ts');
    const { BOARD_COLUMNS } = await import('../../src/domain/import/board-import.ts');
    const missing = [...UNIT_COLUMNS, ...BOARD_COLUMNS]
      .map((c) => c.headers[0]!)
      .filter((h) => ![`| ${h} |`, `| ${h}、`, `、${h} |`].some((cell) => guide.includes(cell)));
    expect(missing).toEqual([]);
  });
});
