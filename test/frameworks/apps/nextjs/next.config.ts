// A Next.js App Router app wrapped as Sentry's Next.js guide says (withSentryConfig, from @sentry/nextjs/config in v11). Nothing is
// uploaded: no auth token, source maps off, Sentry's build telemetry off; Next's own telemetry is off by
// NEXT_TELEMETRY_DISABLED=1 in the test.
import { join } from 'node:path';
import { withSentryConfig } from '@sentry/nextjs/config';
import type { NextConfig } from 'next';

// The app imports the built package and node_modules from the repository root.
const repository = join(__dirname, '../../../..');

const nextConfig: NextConfig = {
  turbopack: { root: repository },
  outputFileTracingRoot: repository,
  typescript: { ignoreBuildErrors: true },
};

export default withSentryConfig(nextConfig, {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: true },
});
