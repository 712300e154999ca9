// @ts-expect-error -- plain ESM shared with the other framework apps
import { bug } from '../../../shared/scenario.mjs';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(bug());
}
