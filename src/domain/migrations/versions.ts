/**
 * Gongkai's version numbers, MAJOR.MINOR.PATCH and nothing else: the package's own, and the
 * content format a county's site.yaml records (`format_version`). Releases never carry
 * pre-release tags, so comparing three numbers is the whole rule.
 */

export const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;

export const isVersion = (v: string): boolean => VERSION_PATTERN.test(v);

/** Negative when a is older than b, 0 when equal, positive when newer. Throws on a malformed version (a bug, not content). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  return pa[0]! - pb[0]! || pa[1]! - pb[1]! || pa[2]! - pb[2]!;
}

function parts(v: string): number[] {
  const m = VERSION_PATTERN.exec(v);
  if (!m) throw new Error(`not a MAJOR.MINOR.PATCH version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
