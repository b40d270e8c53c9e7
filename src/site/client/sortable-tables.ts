/**
 * Tables marked `sortable` sort by a column when its head is clicked: numbers numerically (a
 * cell's data-sort if it has one), text in Chinese order; a second click reverses. The heads
 * become buttons only here, so a page without JavaScript shows a plain table and no hint.
 * A script file, not inline code: the site's Content-Security-Policy allows no inline script
 * but the head script (site/head-script.ts).
 */
export function startSortableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) {
    const hint = document.querySelector<HTMLElement>('.sort-hint');
    if (hint) hint.hidden = false;
    const heads = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
    heads.forEach((th, col) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', () => {
        const asc = th.getAttribute('aria-sort') !== 'ascending';
        for (const h of heads) h.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        const body = table.tBodies[0]!;
        const key = (r: HTMLTableRowElement) => {
          const c = r.cells[col]!;
          return c.getAttribute('data-sort') ?? c.textContent!.trim();
        };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const nx = Number(x);
          const ny = Number(y);
          const d = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh-CN');
          return asc ? d : -d;
        });
        for (const r of rows) body.appendChild(r);
      });
    });
  }
}
