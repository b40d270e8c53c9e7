/** Inline code the site's policy would block is found in a page; what it allows, and look-alikes in text, are not. */
import { describe, expect, it } from 'vitest';
import { HEAD_SCRIPT, scriptHash } from '../../src/site/head-script.ts';
import { inlineCode } from '../../src/site/inline-code.ts';

const allowed = new Set([scriptHash(HEAD_SCRIPT)]);
const kinds = (html: string) => inlineCode(html, allowed).map((f) => f.kind);

describe('inline code', () => {
  it('allows the hashed head script, script files and data blocks', () => {
    expect(
      kinds(`<head><script>${HEAD_SCRIPT}</script><script type="module" src="/_astro/a.js"></script><script type="application/json">{"a":1}</script></head>`),
    ).toEqual([]);
  });

  it('finds any other inline script, a changed head script, a <style>, style and on… attributes, javascript: links', () => {
    expect(kinds('<script>alert(1)</script>')).toEqual(['script']);
    expect(kinds(`<script>${HEAD_SCRIPT} </script>`)).toEqual(['script']);
    expect(kinds('<script type="module">import "/x.js"</script>')).toEqual(['script']);
    expect(kinds('<style>p{color:red}</style>')).toEqual(['style']);
    expect(kinds('<p style="color:red">红字</p>')).toEqual(['style-attribute']);
    expect(kinds('<button type="button" onclick="go()">去</button>')).toEqual(['event-handler']);
    expect(kinds('<a href="javascript:void(0)">链接</a>')).toEqual(['javascript-url']);
  });

  it('does not take text or attribute values for markup', () => {
    expect(kinds('<p>在 HTML 里写 style="color:red" 或 onclick="x()" 就会被拦下</p>')).toEqual([]);
    expect(kinds('<a title="a > b style=x" href="/units/">单位</a>')).toEqual([]);
    expect(kinds('<img alt="onload=1" src="/a.jpg">')).toEqual([]);
    expect(kinds('<div data-onclick="x" data-style="y"></div>')).toEqual([]);
  });
});
