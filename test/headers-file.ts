/**
 * Reads a `_headers` file as Cloudflare Pages does, for the tests that serve the built site
 * with exactly the headers the build wrote: every rule whose pattern matches the path applies,
 * in file order; `*` matches anything (slashes too), `:name` one path segment; a header set by
 * two rules is sent once with both values joined by “, ”; `! Name` drops what earlier rules set.
 */
export interface HeaderRule {
  pattern: string;
  matches: RegExp;
  set: [string, string][];
  detach: string[];
}

export function readHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/:\w+/g, '[^/]+');
      rules.push({ pattern: line.trim(), matches: new RegExp(`^${source}$`), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header line before any path: ${line}`);
    const t = line.trim();
    if (t.startsWith('!')) rule.detach.push(t.slice(1).trim().toLowerCase());
    else {
      const at = t.indexOf(':');
      if (at < 1) throw new Error(`_headers: not “Name: value”: ${line}`);
      rule.set.push([t.slice(0, at).trim(), t.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers sent for a path (names in lower case), and the rules that gave them. */
export function headersFor(rules: readonly HeaderRule[], path: string): { headers: Map<string, string>; rules: string[] } {
  const headers = new Map<string, string>();
  const used: string[] = [];
  for (const rule of rules) {
    if (!rule.matches.test(path)) continue;
    used.push(rule.pattern);
    for (const name of rule.detach) headers.delete(name);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return { headers, rules: used };
}
