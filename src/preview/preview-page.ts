/**
 * The preview page at /__preview/: what the last save changed — `check`'s findings for the
 * saved files, links to the pages that show the entry, and its unit's board as it will print.
 * It asks the dev server every half second whether something new was saved (a dev tool on
 * the clerk's own machine, so polling costs nothing and needs no socket code); the findings
 * are a live region, so a screen reader hears them without moving focus.
 */
export function previewPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>实时预览 · 党务公开</title>
<style>
  body { font: 16px/1.6 system-ui, "Noto Sans SC", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1a1a1a; }
  h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  .status { color: #555; }
  .ok { color: #14622d; font-weight: bold; }
  .finding { white-space: pre-wrap; font-family: ui-monospace, monospace; background: #fff6f0; border-left: 4px solid #b3261e; padding: .5rem .75rem; margin: .5rem 0; }
  .finding.warning { background: #fffbe6; border-color: #8a6d00; }
  .board img { max-width: 100%; height: auto; border: 1px solid #999; background: #fff; }
  .board figcaption { margin: .25rem 0 1rem; }
  a { color: #0b57d0; }
</style>
</head>
<body>
<h1>实时预览</h1>
<p class="status" id="status">等待保存……在编辑器里保存一个条目文件，这里会显示检查结果、网页链接和公开栏的样子。</p>
<section aria-labelledby="h-check"><h2 id="h-check">检查结果</h2><div id="findings" aria-live="polite"></div></section>
<section aria-labelledby="h-pages"><h2 id="h-pages">网页</h2><ul id="pages"></ul></section>
<section aria-labelledby="h-boards"><h2 id="h-boards">公开栏</h2><div id="boards"></div></section>
<script>
(() => {
  let seen = -1;
  const el = (tag, attrs, text) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text) e.textContent = text; return e; };
  function show(state) {
    const r = state.last;
    if (!r) return;
    const when = new Date().toLocaleTimeString('zh-CN');
    document.getElementById('status').textContent = when + ' 保存了 ' + r.files.join('、') + '，' + r.seconds.total.toFixed(2) + ' 秒后更新完毕。';
    const findings = document.getElementById('findings');
    findings.replaceChildren();
    if (!r.findings.length) findings.append(el('p', { className: 'ok' }, '✓ 没有发现问题'));
    for (const d of r.findings) {
      const text = d.file + ' 第 ' + d.line + ' 行第 ' + d.column + ' 列：' + (d.severity === 'error' ? '错误' : '警告') + '：' + d.message + (d.hint ? '\\n提示：' + d.hint : '');
      findings.append(el('div', { className: 'finding ' + d.severity }, text));
    }
    if (r.errorCount > r.findings.filter((d) => d.severity === 'error').length)
      findings.append(el('p', {}, '其他文件还有错误，共 ' + r.errorCount + ' 个：运行 npm run check 查看。'));
    const pages = document.getElementById('pages');
    pages.replaceChildren();
    for (const p of r.pages) {
      const li = el('li');
      if (p.path) li.append(el('a', { href: p.path }, p.title));
      else li.textContent = p.title + '：' + p.note;
      pages.append(li);
    }
    if (!r.pages.length) pages.append(el('li', {}, '这次保存的不是条目文件。'));
    const boards = document.getElementById('boards');
    boards.replaceChildren();
    for (const b of r.boards) {
      const fig = el('figure', { className: 'board' });
      fig.append(el('img', { src: '/__preview/boards/' + encodeURIComponent(b.id) + '.png?r=' + r.revision, alt: b.unitName + '公开栏的印刷效果' }));
      const cap = el('figcaption', {}, b.unitName + '（' + b.id + '）：' + b.sheets + ' 张，正文 ' + Math.round(b.bodyPt) + ' 磅' + (b.shortened ? '，精简了 ' + b.shortened + ' 处' : '') + '。');
      cap.append(' ', el('a', { href: '/__preview/boards/' + encodeURIComponent(b.id) + '.pdf?r=' + r.revision }, '打开印刷文件（PDF）'));
      fig.append(cap);
      boards.append(fig);
    }
    if (!r.boards.length) boards.append(el('p', {}, '这次保存的文件不属于有公开栏的单位。'));
  }
  async function poll() {
    try {
      const state = await (await fetch('/__preview/state.json', { cache: 'no-store' })).json();
      if (state.last && state.last.revision !== seen) { seen = state.last.revision; show(state); }
    } catch (e) { document.getElementById('status').textContent = '预览服务没有响应：请确认 npm run preview 还在运行。'; }
    setTimeout(poll, 500);
  }
  poll();
})();
</script>
</body>
</html>
`;
}
