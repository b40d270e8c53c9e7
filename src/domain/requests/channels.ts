/**
 * Where and how a unit takes 点题 (requests), as the site, the kiosk and the card's back say
 * it: its own phone, address and hours — or its parent's, named, when it has none (a village
 * committee's phone is often the town's) — the county's address as the last resort, the
 * supervision phone, the reply time, the suggestion box and, only when the county runs one,
 * the web form. Nothing here claims the website takes requests unless site.yaml names a form.
 */
import type { Site } from '../schema/site.ts';
import type { Unit } from '../schema/unit.ts';

export interface RequestContacts {
  phone?: string;
  address?: string;
  hours?: string;
  supervisionPhone: string;
  replyDays: number;
  /** How the suggestion boxes work (site.yaml requests.mailbox). */
  mailbox?: string;
  /** The web form (site.yaml requests.form_url), if the county has one. */
  formUrl?: string;
}

export function requestContacts(unit: Unit, units: readonly Unit[], site: Site): RequestContacts {
  const parent = unit.parent ? units.find((u) => u.id === unit.parent) : undefined;
  const own = (key: 'phone' | 'address' | 'hours'): string | undefined => unit[key] ?? (parent?.[key] ? `${parent[key]}（${parent.name}）` : undefined);
  const address = own('address') ?? site.address;
  const phone = own('phone');
  const hours = own('hours');
  return {
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(hours ? { hours } : {}),
    supervisionPhone: site.supervision_phone,
    replyDays: site.defaults.reply_days,
    ...(site.requests?.mailbox ? { mailbox: site.requests.mailbox } : {}),
    ...(site.requests?.form_url ? { formUrl: site.requests.form_url } : {}),
  };
}

/** The website as a channel ("网站") only when the county runs a web form; the other channels as written. */
export function honestChannels(channels: readonly string[], site: Site): string[] {
  return channels.filter((c) => c !== '网站' || !!site.requests?.form_url);
}
