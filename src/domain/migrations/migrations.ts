/**
 * Every change of the content format, oldest first. A county upgrading Gongkai runs
 * `gongkai migrate`, which applies those it has not had (site.yaml's `format_version` says
 * where it stands) as pure transforms of the files' text; CHANGELOG.md tells webmasters the same
 * in prose. A migration must leave content already in the new format unchanged: `check` runs
 * them to tell whether a county's files still need one.
 */
import { moveMapEntry } from './yaml-edit.ts';

export interface ContentFile {
  /** Relative to the content folder, with "/". */
  path: string;
  text: string;
}

export interface Migration {
  /** The content format it reads (the version that last changed it) … */
  from: string;
  /** … and the one it writes: the Gongkai version that introduced the change. */
  to: string;
  /** What it changes, in Chinese, as the report and the changelog say it. */
  summary: string;
  /** The files it may change. */
  reads: (path: string) => boolean;
  /** The file's new text (the same text when nothing applies) and what was changed, in Chinese. */
  transform: (file: ContentFile) => { text: string; notes: string[] };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: '0.1.0',
    to: '0.2.0',
    summary: '印刷出血 bleed_mm 从 site.yaml 的 defaults 移到 print：出血和党政红、印刷条件都是交给印刷厂的设置，放在一处。',
    reads: (path) => path === 'site.yaml',
    transform: (file) => moveMapEntry(file.text, ['defaults'], 'bleed_mm', ['print']),
  },
];

/** The format of content written before versions were recorded (Gongkai 0.1.0). */
export const FIRST_FORMAT = '0.1.0';

/** The content format this Gongkai reads and writes: the last migration's. */
export const CONTENT_FORMAT = MIGRATIONS.at(-1)?.to ?? FIRST_FORMAT;
