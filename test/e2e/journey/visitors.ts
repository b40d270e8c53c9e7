/**
 * The public's devices for journey tests: a villager's old phone and a town hall's touch-screen
 * kiosk, in the Chromium the other browser tests use, against the deployed folder served on
 * loopback. Each visit is a fresh browser context (a new day, a new visitor) unless the kiosk,
 * which keeps its context — and its offline copy — across the month, as the real one does.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, serve } from '../browser.ts';

export class Visitors {
  readonly browser: Browser;
  readonly server: Awaited<ReturnType<typeof serve>>;

  private constructor(browser: Browser, server: Awaited<ReturnType<typeof serve>>) {
    this.browser = browser;
    this.server = server;
  }

  static async start(deployed: string): Promise<Visitors> {
    return new Visitors(await launch(), await serve(deployed));
  }

  url(path: string): string {
    return `${this.server.url}${path}`;
  }

  /** A villager's phone on a simulated day (its clock set to that day: a live site's pages count days by it): 360×800, touch, Chinese. */
  async phone(day: string): Promise<Page> {
    const ctx = await this.browser.newContext({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(onDay(day));
    return page;
  }

  private kioskContext: BrowserContext | undefined;

  /** The town hall's kiosk on a simulated day: one machine, one browser profile, all month. */
  async kiosk(day: string): Promise<Page> {
    this.kioskContext ??= await this.browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, locale: 'zh-CN' });
    const page = this.kioskContext.pages()[0] ?? (await this.kioskContext.newPage());
    await page.clock.setFixedTime(onDay(day));
    return page;
  }

  async kioskOffline(offline: boolean): Promise<void> {
    await this.kioskContext?.setOffline(offline);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

/** Mid-morning in Beijing on a simulated day. */
const onDay = (day: string) => new Date(`${day}T10:00:00+08:00`);

/** Text of the element as the reader sees it, white space removed. */
export async function seen(page: Page, selector = 'main'): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, '');
}
