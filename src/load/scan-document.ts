/**
 * Publication-safety scans over a document's whole text: secret markings (any scope),
 * personal data (whatever is published), Markdown links, images and recruitment fields.
 */
import { join } from 'node:path';
import { findDisciplineNames } from '../domain/safety/discipline-names.ts';
import { findPersonalData } from '../domain/safety/personal-data.ts';
import { scanMarkdown } from '../domain/safety/markdown-safety.ts';
import { findSecretMarkings } from '../domain/safety/secret-markings.ts';
import type { TextFinding } from '../domain/safety/text-findings.ts';
import type { Site } from '../domain/schema/site.ts';
import { checkImages } from './check-images.ts';

export interface ScanInput {
  abs: string;
  text: string;
  body: string;
  /** Whether the document reaches the public (public entries, 点题 requests). */
  published: boolean;
  recruitment: boolean;
  contentDir: string;
  unit: string;
}

const compiled = new WeakMap<Site, RegExp[]>();
function extraPatterns(site: Site): RegExp[] {
  let r = compiled.get(site);
  if (!r) {
    r = site.secret_patterns.map((p) => new RegExp(p, 'gu'));
    compiled.set(site, r);
  }
  return r;
}

export function scanDocument(input: ScanInput, site: Site): TextFinding[] {
  const findings = findSecretMarkings(input.text, { extra: extraPatterns(site) });
  if (input.published) {
    findings.push(...findPersonalData(input.text, { allowed: [site.supervision_phone, ...site.allowed_numbers] }));
    findings.push(...findDisciplineNames(input.text));
  }
  const bodyOffset = input.text.length - input.body.length;
  const md = scanMarkdown(input.body, { recruitment: input.recruitment });
  findings.push(...md.findings.map((f) => ({ ...f, offset: f.offset + bodyOffset })));
  if (md.images.length) {
    const limits = { maxBytes: site.defaults.max_image_kb * 1024, maxPixels: site.defaults.max_image_megapixels * 1e6 };
    findings.push(...checkImages(input.abs, join(input.contentDir, 'entries', input.unit), md.images, limits, bodyOffset));
  }
  return findings;
}

/**
 * Personal data in a file's name: the name of an entry becomes its web address and an
 * image's name is published with it, so a number typed there is as public as the text.
 */
export function scanFileName(rel: string, site: Site): TextFinding[] {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  // In a file name "-" and "_" separate words ("2026-07-05-名单"), so they count as spaces:
  // a number after the date prefix is still found, and the date does not run into it.
  return findPersonalData(name.replace(/[-_]/g, ' '), { allowed: [site.supervision_phone, ...site.allowed_numbers] }).map((f) => ({
    ...f,
    message: `文件名“${name}”里${f.message}`,
    hint: `请给文件改名，去掉这个号码（文件名会出现在网址里）。${f.hint ?? ''}`,
  }));
}
