import * as Sentry from '@sentry/nextjs';
// @ts-expect-error -- plain ESM shared with the other framework apps
import { oddEvents } from '../../../shared/scenario.mjs';

export const dynamic = 'force-dynamic';

export async function GET() {
  oddEvents(Sentry);
  return new Response('ok');
}
