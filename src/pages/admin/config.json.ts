// The browser editor's configuration, generated from the entry schema and the catalogue (src/site/editor-config.ts).
import { context } from 'virtual:gongkai/context';
import { editorConfig } from '../../site/editor-config.ts';
import { siteData } from '../../site/project.ts';

export function GET(): Response {
  return new Response(JSON.stringify(editorConfig(siteData(context).project)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
