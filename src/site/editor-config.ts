/**
 * The browser editor's configuration (Sveltia CMS at /admin/), generated from the one entry
 * schema, the catalogue and the site's rules — never written by hand, so the form asks for
 * exactly what `check` accepts. Each catalogue item a level publishes is a collection of its
 * own with its own form (editor-fields.ts): the clerk picks the item in the list, and the form
 * has the fields that item takes. The browser adds the unit's folder (site/client/editor.ts).
 */
import type { Project } from '../domain/model.ts';
import { CADENCE_LABELS } from '../domain/period.ts';
import { LEVELS, SCOPE_LABELS, type Level } from '../domain/schema/catalog.ts';
import { LEVEL_OF_KIND } from '../domain/schema/unit.ts';
import { itemForm, type EditorField } from './editor-fields.ts';

export type { EditorField };

export interface EditorUnit {
  id: string;
  name: string;
  level: Level;
  /** The town a village belongs to, for the picker. */
  parent?: string;
  /** The unit's boards: each gets a 张贴记录 collection (posting photos, content/postings/<id>/). */
  boards?: { id: string; location: string }[];
}

/** The entries of one catalogue item: a collection in the editor's list, with the item's form. */
export interface EditorItem {
  /** The item's id: the collection's name and the value of every entry's `item`. */
  id: string;
  name: string;
  /** The catalogue's aspect (方面) the item belongs to: the list is grouped by aspect. */
  aspect: string;
  /** One line under the item's name: how often it is published, to whom. */
  description: string;
  fields: EditorField[];
}

export interface EditorConfig {
  /** Sveltia CMS options shared by every unit (backend, workflow, commit messages, output …). */
  cms: Record<string, unknown>;
  /** Whether a forge is set in site.yaml; without it only the practice mode works. */
  configured: boolean;
  /** The content folder inside the repository. */
  contentPath: string;
  units: EditorUnit[];
  /** The items a unit of each level publishes, in the catalogue's order, each with its form. */
  items: Record<Level, EditorItem[]>;
}

/** The collections of one level: the catalogue's items for it, in the catalogue's order. */
export function levelItems(project: Pick<Project, 'catalog' | 'site'>, level: Level): EditorItem[] {
  return project.catalog.aspects.flatMap((aspect) =>
    aspect.items
      .filter((i) => i.levels.includes(level))
      .map((i) => ({
        id: i.id,
        name: i.name,
        aspect: aspect.name,
        description: `${CADENCE_LABELS[i.cadence]}，${SCOPE_LABELS[i.scope]}${i.note ? `。${i.note}` : ''}`,
        fields: itemForm(i, project.site),
      })),
  );
}

const COMMIT_MESSAGES = {
  create: '新增条目 {{slug}}',
  update: '修改条目 {{slug}}',
  delete: '删除条目 {{slug}}',
  uploadMedia: '上传图片 {{path}}',
  deleteMedia: '删除图片 {{path}}',
  openAuthoring: '{{message}}',
};

export function editorConfig(project: Project): EditorConfig {
  const e = project.site.editor;
  const backend = e
    ? {
        name: e.forge,
        repo: e.repo,
        branch: e.branch,
        ...(e.base_url ? { base_url: e.base_url } : {}),
        ...(e.app_id ? { app_id: e.app_id, auth_type: 'pkce' } : {}),
        // Commit messages in Chinese: reviewers read them in the pull request (they are never published).
        commit_messages: COMMIT_MESSAGES,
      }
    : undefined;
  return {
    configured: !!e,
    contentPath: e?.content_path ?? 'content',
    cms: {
      ...(backend ? { backend } : {}),
      // Draft → in review → ready: each entry is a branch and a pull request, checked like any other.
      publish_mode: 'editorial_workflow',
      site_url: project.site.base_url,
      // Entry names are the date and the item id (ASCII either way); an uploaded image keeps its
      // Chinese name, with spaces and brackets made hyphens, so its Markdown link needs no escapes.
      slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-' },
      // Photos are uploaded, within check's size limit; stock photo services are on other sites.
      media_libraries: { default: { config: { slugify_filename: true, max_file_size: project.site.defaults.max_image_kb * 1024 } }, stock_assets: false },
      // No `scope: ''` or `notice: null` for what the clerk left empty (the file format drops them too).
      output: { omit_empty_optional_fields: true },
    },
    units: project.units
      .filter((u) => u.kind !== 'county-committee')
      .map((u) => {
        const boards = project.boards.filter((b) => b.unit === u.id).map((b) => ({ id: b.id, location: b.location }));
        return { id: u.id, name: u.name, level: LEVEL_OF_KIND[u.kind], ...(u.parent ? { parent: u.parent } : {}), ...(boards.length ? { boards } : {}) };
      }),
    items: Object.fromEntries(LEVELS.map((l) => [l, levelItems(project, l)])) as Record<Level, EditorItem[]>,
  };
}
