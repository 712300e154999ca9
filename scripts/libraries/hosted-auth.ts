import { AuthClient } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { EXPIRED_AT, expiredToken, FAR_FUTURE, ISSUED_AT, SESSION } from './auth-tokens.js';
import type { Loopback } from './loopback.js';
import { demotes, guarded, type LibraryScenario, passes, thrownBy } from './scenario.js';

/** GoTrue (Supabase Auth) bodies, as auth-js receives them. */
function supabaseAuth(
  loopback: Loopback,
  path: string,
  status: number,
  body: unknown,
): InstanceType<typeof AuthClient> {
  loopback.answer(`/supabase-${path}/auth/v1/user`, { status, body });
  loopback.answer(`/supabase-${path}/auth/v1/token`, { status, body });
  loopback.answer(`/supabase-${path}/auth/v1/otp`, { status, body });
  return new AuthClient({
    url: `${loopback.origin}/supabase-${path}/auth/v1`,
    autoRefreshToken: false,
    persistSession: false,
    headers: { apikey: 'corpus-anon-key' },
  });
}

/** Supabase auth-js: lapsed sessions and refresh tokens, a rate limit, a server failure. */
export const supabaseAuthScenarios: readonly LibraryScenario[] = [
  {
    library: '@supabase/auth-js',
    name: 'bad-jwt-expired',
    expected: demotes(SESSION),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'bad-jwt', 403, {
        code: 403,
        error_code: 'bad_jwt',
        msg: 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired',
      });
      return (await client.getUser(expiredToken())).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'refresh-token-not-found',
    expected: demotes(SESSION),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'refresh-not-found', 400, {
        code: 400,
        error_code: 'refresh_token_not_found',
        msg: 'Invalid Refresh Token: Refresh Token Not Found',
      });
      return (await client.refreshSession({ refresh_token: 'v1-refresh-token' })).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'refresh-token-already-used',
    expected: demotes(SESSION),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'refresh-used', 400, {
        code: 400,
        error_code: 'refresh_token_already_used',
        msg: 'Invalid Refresh Token: Already Used',
      });
      return (await client.refreshSession({ refresh_token: 'v1-refresh-token' })).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'session-not-found',
    expected: demotes(SESSION),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'session-not-found', 403, {
        code: 403,
        error_code: 'session_not_found',
        msg: 'Session from session_id claim in JWT does not exist',
      });
      return (await client.getUser(expiredToken())).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'session-missing',
    // auth-js raises the same AuthSessionMissingError whether the session lapsed or never existed.
    expected: demotes(SESSION),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'session-missing', 200, {});
      return (await client.updateUser({ data: { theme: 'dark' } })).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'email-rate-limit',
    expected: demotes('transient_upstream'),
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'rate-limit', 429, {
        code: 429,
        error_code: 'over_email_send_rate_limit',
        msg: 'email rate limit exceeded',
      });
      return (await client.signInWithOtp({ email: 'user@example.com' })).error;
    },
  },
  {
    library: '@supabase/auth-js',
    name: 'unexpected-failure',
    expected: passes,
    run: async (loopback) => {
      const client = supabaseAuth(loopback, 'unexpected', 500, {
        code: 500,
        error_code: 'unexpected_failure',
        msg: 'Unexpected failure, please check server logs for more information',
      });
      return (await client.getUser(expiredToken())).error;
    },
  },
];

function postgrest(loopback: Loopback, path: string, status: number, body: unknown) {
  loopback.answer(`/postgrest-${path}/rest/v1/todos`, { status, body });
  return new PostgrestClient(`${loopback.origin}/postgrest-${path}/rest/v1`).from('todos');
}

/** PostgREST through postgrest-js `throwOnError()`. */
export const postgrestScenarios: readonly LibraryScenario[] = [
  {
    library: '@supabase/postgrest-js',
    name: 'pgrst301-jwt-expired',
    expected: demotes(SESSION),
    run: (loopback) =>
      thrownBy(() =>
        postgrest(loopback, 'pgrst301', 401, {
          code: 'PGRST301',
          details: null,
          hint: null,
          message: 'JWT expired',
        })
          .select()
          .throwOnError(),
      ),
  },
  {
    library: '@supabase/postgrest-js',
    name: 'pgrst303-jwt-expired',
    expected: demotes(SESSION),
    run: (loopback) =>
      thrownBy(() =>
        postgrest(loopback, 'pgrst303', 401, {
          code: 'PGRST303',
          details: null,
          hint: null,
          message: 'JWT expired',
        })
          .select()
          .throwOnError(),
      ),
  },
  {
    library: '@supabase/postgrest-js',
    name: 'pgrst301-invalid-signature',
    expected: guarded('token_signature_invalid'),
    run: (loopback) =>
      thrownBy(() =>
        postgrest(loopback, 'pgrst301-signature', 401, {
          code: 'PGRST301',
          details: null,
          hint: null,
          message: 'JWSError JWSInvalidSignature',
        })
          .select()
          .throwOnError(),
      ),
  },
  {
    library: '@supabase/postgrest-js',
    name: 'rls-permission-denied',
    expected: passes,
    run: (loopback) =>
      thrownBy(() =>
        postgrest(loopback, 'rls', 403, {
          code: '42501',
          details: null,
          hint: null,
          message: 'permission denied for table todos',
        })
          .select()
          .throwOnError(),
      ),
  },
  {
    library: '@supabase/postgrest-js',
    name: 'unique-violation',
    expected: passes,
    run: (loopback) =>
      thrownBy(() =>
        postgrest(loopback, 'unique', 409, {
          code: '23505',
          details: 'Key (id)=(1) already exists.',
          hint: null,
          message: 'duplicate key value violates unique constraint "todos_pkey"',
        })
          .insert({ id: 1, title: 'a' })
          .throwOnError(),
      ),
  },
];

/** An unsigned ID token, as the Firebase Auth emulator issues them. */
function emulatorToken(projectId: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    sub: 'user_1',
    user_id: 'user_1',
    auth_time: ISSUED_AT,
    iat: ISSUED_AT,
    exp: EXPIRED_AT,
    ...claims,
  })}.`;
}

/** Firebase Admin against the Auth emulator protocol (signatures skipped), served by the loopback. */
async function withFirebase<T>(
  loopback: Loopback,
  name: string,
  body: (auth: ReturnType<typeof getAuth>, projectId: string) => Promise<T>,
): Promise<T> {
  const projectId = 'demo-corpus';
  process.env.FIREBASE_AUTH_EMULATOR_HOST = loopback.origin.replace('http://', '');
  const app = initializeApp({ projectId }, `corpus-${name}`);
  try {
    return await body(getAuth(app), projectId);
  } finally {
    await deleteApp(app);
    delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  }
}

/** Firebase Admin `verifyIdToken` / `verifySessionCookie`. */
export const firebaseScenarios: readonly LibraryScenario[] = [
  {
    library: 'firebase-admin',
    name: 'id-token-expired',
    expected: demotes(SESSION),
    run: (loopback) =>
      withFirebase(loopback, 'expired', (auth, projectId) =>
        thrownBy(() => auth.verifyIdToken(emulatorToken(projectId, {}))),
      ),
  },
  {
    library: 'firebase-admin',
    name: 'session-cookie-expired',
    expected: demotes(SESSION),
    run: (loopback) =>
      withFirebase(loopback, 'cookie', (auth, projectId) =>
        thrownBy(() =>
          auth.verifySessionCookie(
            emulatorToken(projectId, { iss: `https://session.firebase.google.com/${projectId}` }),
          ),
        ),
      ),
  },
  {
    library: 'firebase-admin',
    name: 'argument-error',
    expected: passes,
    run: (loopback) =>
      withFirebase(loopback, 'argument', (auth) => thrownBy(() => auth.verifyIdToken('not-a-token'))),
  },
  {
    library: 'firebase-admin',
    name: 'wrong-audience',
    expected: passes,
    run: (loopback) =>
      withFirebase(loopback, 'audience', (auth, projectId) =>
        thrownBy(() =>
          auth.verifyIdToken(emulatorToken(projectId, { aud: 'another-project', exp: FAR_FUTURE })),
        ),
      ),
  },
];
