import * as Sentry from '@sentry/nextjs';

export const dynamic = 'force-dynamic';

export async function GET() {
  await Sentry.flush(5_000);
  return new Response('flushed');
}
