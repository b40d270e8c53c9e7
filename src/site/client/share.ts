/**
 * The entry page's 分享 button: fetches the entry's share pictures (their list, then the PNGs)
 * and hands them to the system share sheet where the browser can share files (Web Share API
 * Level 2: navigator.canShare({ files })); a browser that can share only links gets the page's
 * address; one that can do neither (WeChat's own browser, most desktops) shows the pictures on
 * the page, to be pressed long and sent or saved.
 */
interface ShareList {
  title: string;
  url: string;
  pictures: string[];
}

async function pictures(list: string): Promise<{ info: ShareList; files: File[]; urls: string[] }> {
  const r = await fetch(list);
  if (!r.ok) throw new Error(String(r.status));
  const info = (await r.json()) as ShareList;
  const folder = list.slice(0, list.lastIndexOf('/') + 1);
  const urls = info.pictures.map((p) => `${folder}${p}`);
  const files = await Promise.all(
    urls.map(async (u, i) => {
      const b = await (await fetch(u)).blob();
      return new File([b], info.pictures[i]!, { type: 'image/png' });
    }),
  );
  return { info, files, urls };
}

function showPictures(box: HTMLElement, urls: readonly string[], title: string): void {
  box.replaceChildren(
    ...urls.map((u, i) => {
      const img = document.createElement('img');
      img.src = u;
      img.alt = urls.length > 1 ? `${title}（第${i + 1}张，共${urls.length}张）` : title;
      img.loading = 'lazy';
      return img;
    }),
  );
  box.hidden = false;
}

export function startShare(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-share]')) {
    const button = section.querySelector<HTMLButtonElement>('[data-share-button]');
    const status = section.querySelector<HTMLElement>('[data-share-status]');
    const box = section.querySelector<HTMLElement>('[data-share-pictures]');
    if (!button || !box) continue;
    const say = (text: string) => {
      if (status) status.textContent = text;
    };
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const { info, files, urls } = await pictures(section.dataset.list!);
        const title = section.dataset.title ?? info.title;
        if (navigator.canShare?.({ files })) {
          await navigator.share({ files, title, text: `${title} ${section.dataset.url ?? ''}`.trim() });
          say('已打开分享。');
        } else if (navigator.share) {
          showPictures(box, urls, title);
          await navigator.share({ title, url: section.dataset.url ?? location.href });
          say('这个浏览器只能分享链接：已分享本页链接；下面是分享图片，长按可以保存或发送。');
        } else {
          showPictures(box, urls, title);
          say('下面是分享图片：长按图片，选“发送给朋友”或“保存图片”。');
        }
      } catch (e) {
        // The person closed the share sheet: nothing to say.
        if (!(e instanceof DOMException && e.name === 'AbortError')) say('分享图片没有取到，请稍后再试，或点“打开分享图片”。');
      } finally {
        button.disabled = false;
      }
    });
  }
}
