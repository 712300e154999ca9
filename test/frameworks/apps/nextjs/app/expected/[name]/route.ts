// @ts-expect-error -- plain ESM shared with the other framework apps
import { EXPECTED_ROUTES } from '../../../../shared/scenario.mjs';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  EXPECTED_ROUTES[name].run();
  return new Response('unreachable');
}
