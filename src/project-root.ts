/**
 * Where Gongkai lies and whom it works for. Gongkai runs from its own checkout (the demo county,
 * development) or installed as a dependency of a county's own repository
 * (`<county>/node_modules/gongkai`, compiled to lib/). The package's folder holds the site's pages,
 * the shipped templates and the standard catalogue; the working folder holds the caches and the
 * county's own files.
 */
import { join, resolve, sep } from 'node:path';

/** Gongkai's own folder (src/, templates/, package.json), whether run from src/ or the compiled lib/. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** The folder that installed `root` as a dependency (the one holding its node_modules), if any. */
export function installingRoot(root: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = root.lastIndexOf(marker);
  return at < 0 ? undefined : root.slice(0, at);
}

/**
 * The repository Gongkai works for: a county's own (where its caches and reports go, beside its
 * content), or Gongkai's checkout itself, where the demo county is the content.
 */
export const WORK_ROOT = installingRoot(PROJECT_ROOT) ?? PROJECT_ROOT;

/** True when Gongkai runs as a county's installed dependency rather than from its own checkout. */
export const INSTALLED = WORK_ROOT !== PROJECT_ROOT;

/** The board and card templates Gongkai ships; a county's templates/ folder overrides them one file at a time. */
export const SHIPPED_TEMPLATES = join(PROJECT_ROOT, 'templates');

/** The standard catalogue `init` gives every new county. */
export const STANDARD_CATALOG = join(PROJECT_ROOT, 'content', 'catalog.yaml');

/** The caches of builds, prints and reviews: GONGKAI_CACHE_DIR, else .cache in the working repository. */
export const defaultCacheRoot = (): string => process.env.GONGKAI_CACHE_DIR ?? join(WORK_ROOT, '.cache');

/** A sibling module of `base` (import.meta.url) by name: .ts from the sources, .js from the compiled package. */
export const siblingModule = (name: string, base: string): URL => new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base);
