/**
 * Stage 1 of loading: the registries every entry is checked against — site settings,
 * catalog, units, boards and board templates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { error } from '../domain/diagnostics.ts';
import { inspectProfile, REGISTERED_CONDITIONS } from '../domain/icc-profile.ts';
import { BOARD_HELP, CATALOG_HELP, SITE_HELP, TEMPLATE_HELP, UNIT_HELP } from '../domain/field-help.ts';
import { checkBoards, checkCatalog, checkUnits } from '../domain/rules/registry-rules.ts';
import { checkBoardSizes } from '../domain/rules/board-size-rules.ts';
import { boardsFileSchema, type Board } from '../domain/schema/board.ts';
import { catalogSchema, indexCatalog, type Catalog } from '../domain/schema/catalog.ts';
import { ID_PATTERN } from '../domain/schema/common.ts';
import { siteSchema, type Site } from '../domain/schema/site.ts';
import { templateSchema, withPartyRed, type Template } from '../domain/schema/template.ts';
import { unitsFileSchema, type Unit } from '../domain/schema/unit.ts';
import { SHIPPED_TEMPLATES } from '../project-root.ts';
import { readText, validateYaml, type Reporter } from './source-file.ts';
import { parseYamlSource } from './yaml-source.ts';

/** Registries are small; 5 MB bounds a units.yaml of tens of thousands of records. */
const REGISTRY_MAX_BYTES = 5 * 1024 * 1024;

export interface Registries {
  site?: Site;
  catalog?: Catalog;
  units: Unit[];
  boards: Board[];
  templates: Map<string, Template>;
}

function loadYaml<T>(abs: string, what: string, report: Reporter, parse: (src: ReturnType<typeof parseYamlSource>) => T | undefined): T | undefined {
  if (!existsSync(abs)) {
    report.file(abs, error('missing-file', `缺少${what}文件`, `请创建这个文件；可以从示范县的 content/ 中复制一份再修改。`));
    return undefined;
  }
  const text = readText(abs, REGISTRY_MAX_BYTES, report);
  return text === undefined ? undefined : parse(parseYamlSource(text));
}

export function loadTemplates(dir: string, report: Reporter): Map<string, Template> {
  const templates = new Map<string, Template>();
  if (!existsSync(dir)) return templates;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    const abs = join(dir, name);
    const m = /^(.+)\.ya?ml$/.exec(name);
    if (!m) {
      report.file(abs, error('wrong-extension', '模板文件必须是 .yaml 文件', '请改名为 <模板名>.yaml。'));
      continue;
    }
    if (!ID_PATTERN.test(m[1]!)) {
      report.file(abs, error('invalid-file-name', `模板文件名“${m[1]}”只能由小写英文字母、数字和连字符组成`, '例如 village.yaml。'));
      continue;
    }
    const t = loadYaml(abs, '模板', report, (src) => validateYaml(abs, src, templateSchema, TEMPLATE_HELP, report));
    if (t) templates.set(m[1]!, t);
  }
  return templates;
}

/**
 * A county's templates/ holds only the templates it changed: a file there replaces Gongkai's
 * template of the same name, and every other template comes from the installed Gongkai, so an
 * upgrade brings the county its fixes. Gongkai's own folder is read alone.
 */
export function layeredTemplates(dir: string, report: Reporter): Map<string, Template> {
  const own = loadTemplates(dir, report);
  if (resolve(dir) === SHIPPED_TEMPLATES) return own;
  const shipped = loadTemplates(SHIPPED_TEMPLATES, report);
  // In name order, as one folder would be read.
  return new Map([...new Map([...shipped, ...own])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * site.yaml's print block, checked against the files it names: the ICC profile must be a CMYK
 * output profile, and a condition not in the ICC's registry needs one. The profile's path is
 * made absolute (it is written relative to the repository root, beside templates/).
 */
function checkPrintColour(site: Site, contentDir: string, report: Reporter): Site {
  const abs = join(contentDir, 'site.yaml');
  const { icc_profile: rel, output_condition: condition } = site.print;
  if (!rel) {
    if (condition && !REGISTERED_CONDITIONS[condition])
      report.file(
        abs,
        error(
          'icc-profile',
          `print.output_condition 写的“${condition}”不是国际色彩联盟登记的印刷条件`,
          `改成 ${Object.keys(REGISTERED_CONDITIONS).join('、')} 之一，或用 print.icc_profile 给出这个印刷条件的 ICC 特性文件。`,
        ),
      );
    return site;
  }
  const profile = resolve(dirname(contentDir), rel);
  let problem: string | undefined;
  try {
    problem = inspectProfile(readFileSync(profile)).problem;
  } catch {
    problem = '找不到或读不了';
  }
  if (problem) {
    report.file(
      abs,
      error(
        'icc-profile',
        `print.icc_profile 指定的 ${rel} ${problem}`,
        '路径相对仓库根目录（与 templates/ 同级）；请放入印刷厂提供的 CMYK 特性文件（.icc），或删除这一行。',
      ),
    );
    return site;
  }
  return { ...site, print: { ...site.print, icc_profile: profile } };
}

/** Numbers the county publishes on purpose: they may appear in the registries as in entries. */
export const publicNumbers = (site: Site | undefined): string[] => (site ? [site.supervision_phone, ...site.allowed_numbers] : []);

export function loadRegistries(contentDir: string, templatesDir: string, report: Reporter): Registries {
  const loadedSite = loadYaml(join(contentDir, 'site.yaml'), '网站设置（site.yaml）', report, (src) =>
    validateYaml(join(contentDir, 'site.yaml'), src, siteSchema, SITE_HELP, report),
  );
  const site = loadedSite && checkPrintColour(loadedSite, contentDir, report);

  const catalogAbs = join(contentDir, 'catalog.yaml');
  const catalog = loadYaml(catalogAbs, '公开目录（catalog.yaml）', report, (src) => {
    const file = validateYaml(catalogAbs, src, catalogSchema, CATALOG_HELP, report);
    if (!file) return undefined;
    const findings = checkCatalog(file);
    report.fields(catalogAbs, src, findings);
    return findings.some((f) => f.severity === 'error') ? undefined : indexCatalog(file);
  });

  const unitsAbs = join(contentDir, 'units.yaml');
  const units =
    loadYaml(unitsAbs, '单位名录（units.yaml）', report, (src) => {
      const list = validateYaml(unitsAbs, src, unitsFileSchema, UNIT_HELP, report);
      if (list) report.fields(unitsAbs, src, checkUnits(list, publicNumbers(site)));
      return list;
    }) ?? [];

  // Templates name the county's red as `party-red` (or name no colour): from here on it is CMYK.
  const loaded = layeredTemplates(templatesDir, report);
  const templates = site ? new Map([...loaded].map(([id, t]) => [id, withPartyRed(t, site.print.party_red)])) : loaded;

  const boardsAbs = join(contentDir, 'boards.yaml');
  const boards =
    loadYaml(boardsAbs, '公开栏名录（boards.yaml）', report, (src) => {
      const list = validateYaml(boardsAbs, src, boardsFileSchema, BOARD_HELP, report);
      if (list) report.fields(boardsAbs, src, [...checkBoards(list, units, templates, publicNumbers(site)), ...checkBoardSizes(list, templates, site)]);
      return list;
    }) ?? [];

  return { ...(site ? { site } : {}), ...(catalog ? { catalog } : {}), units, boards, templates };
}
