// @ts-expect-error -- plain ESM shared with the other framework apps
import { crashLater } from '../../../shared/scenario.mjs';

export const dynamic = 'force-dynamic';

export async function GET() {
  crashLater();
  return new Response('crashing', { status: 202 });
}
