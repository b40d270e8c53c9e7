// What the signage pages of this build show (signage-data.ts): each screen asks for it now and
// then and reloads when it changes, so a new build reaches every TV without anyone touching it.
import { context } from 'virtual:gongkai/context';
import { siteData } from '../../site/project.ts';
import { signageBuild } from '../../site/signage-data.ts';

export async function GET() {
  return new Response(JSON.stringify({ build: await signageBuild(siteData(context)), today: context.today.date }));
}
