import * as Sentry from '@sentry/nextjs';
// @ts-expect-error -- plain ESM shared with the other framework apps
import { doubleCaptured } from '../../../../shared/scenario.mjs';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ which: string }> }) {
  const { which } = await params;
  doubleCaptured(Sentry, which);
  return new Response('unreachable');
}
