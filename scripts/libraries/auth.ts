import { AuthClient } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';
import { expressjwt } from 'express-jwt';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { jwtVerify, SignJWT } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import type { Loopback } from './loopback.js';
import { demotes, guarded, type LibraryScenario, passes, thrownBy } from './scenario.js';

const SECRET = 'corpus-signing-secret-not-a-real-one';
const OTHER_SECRET = 'a-different-secret-than-the-verifier';
/** 2023-11-14T22:13:20Z, one hour later, and 2100-01-01: fixed so every recording signs the same tokens. */
const ISSUED_AT = 1_700_000_000;
const EXPIRED_AT = ISSUED_AT + 3_600;
const FAR_FUTURE = 4_102_444_800;
const SESSION = 'session_expired';
const UNAUTHENTICATED = 'unauthenticated';

const expiredToken = () => jsonwebtoken.sign({ sub: 'user_1', iat: ISSUED_AT, exp: EXPIRED_AT }, SECRET);
const foreignToken = () =>
  jsonwebtoken.sign({ sub: 'user_1', iat: ISSUED_AT, exp: FAR_FUTURE }, OTHER_SECRET);
const key = new TextEncoder().encode(SECRET);

/** jsonwebtoken `verify`: the lapse demotes, tampering and malformed tokens report. */
const jsonwebtokenScenarios: LibraryScenario[] = [
  {
    library: 'jsonwebtoken',
    name: 'expired',
    expected: demotes(SESSION),
    run: () => thrownBy(() => jsonwebtoken.verify(expiredToken(), SECRET)),
  },
  {
    library: 'jsonwebtoken',
    name: 'invalid-signature',
    expected: guarded('token_signature_invalid'),
    run: () => thrownBy(() => jsonwebtoken.verify(foreignToken(), SECRET)),
  },
  {
    library: 'jsonwebtoken',
    name: 'malformed',
    expected: passes,
    run: () => thrownBy(() => jsonwebtoken.verify('not-a-jwt', SECRET)),
  },
  {
    library: 'jsonwebtoken',
    name: 'not-before',
    expected: passes,
    run: () =>
      thrownBy(() =>
        jsonwebtoken.verify(
          jsonwebtoken.sign({ sub: 'user_1', iat: ISSUED_AT, nbf: FAR_FUTURE }, SECRET),
          SECRET,
        ),
      ),
  },
  {
    library: 'jsonwebtoken',
    name: 'audience-mismatch',
    expected: passes,
    run: () =>
      thrownBy(() =>
        jsonwebtoken.verify(jsonwebtoken.sign({ sub: 'user_1', aud: 'admin-api' }, SECRET), SECRET, {
          audience: 'web-app',
        }),
      ),
  },
  {
    library: 'jsonwebtoken',
    name: 'must-be-provided',
    expected: demotes(UNAUTHENTICATED),
    run: () => thrownBy(() => jsonwebtoken.verify('', SECRET)),
  },
];

/** jose `jwtVerify`: both claim checks that mean "expired" (exp, maxTokenAge) demote. */
const joseScenarios: LibraryScenario[] = [
  {
    library: 'jose',
    name: 'exp-claim',
    expected: demotes(SESSION),
    run: async () => {
      const token = await new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(ISSUED_AT)
        .setExpirationTime(EXPIRED_AT)
        .sign(key);
      return thrownBy(() => jwtVerify(token, key));
    },
  },
  {
    library: 'jose',
    name: 'max-token-age',
    expected: demotes(SESSION),
    run: async () => {
      const token = await new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(ISSUED_AT)
        .sign(key);
      return thrownBy(() => jwtVerify(token, key, { maxTokenAge: '1h' }));
    },
  },
  {
    library: 'jose',
    name: 'signature-failed',
    expected: guarded('token_signature_invalid'),
    run: async () => {
      const token = await new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(OTHER_SECRET));
      return thrownBy(() => jwtVerify(token, key));
    },
  },
  {
    library: 'jose',
    name: 'nbf-claim',
    expected: passes,
    run: async () => {
      const token = await new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setNotBefore(FAR_FUTURE)
        .sign(key);
      return thrownBy(() => jwtVerify(token, key));
    },
  },
  {
    library: 'jose',
    name: 'audience-claim',
    expected: passes,
    run: async () => {
      const token = await new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('admin-api')
        .sign(key);
      return thrownBy(() => jwtVerify(token, key, { audience: 'web-app' }));
    },
  },
  {
    library: 'jose',
    name: 'invalid-compact',
    expected: passes,
    run: () => thrownBy(() => jwtVerify('not.a.jwt', key)),
  },
];

/** express-jwt's middleware, called the way Express calls it: the error reaches `next`. */
function throughExpressJwt(authorization: string | undefined): Promise<unknown> {
  const middleware = expressjwt({ secret: SECRET, algorithms: ['HS256'] });
  const request = { headers: authorization === undefined ? {} : { authorization } };
  return new Promise((resolve, reject) => {
    void middleware(request as never, {} as never, (error?: unknown) =>
      error === undefined ? reject(new Error('express-jwt accepted the request')) : resolve(error),
    );
  });
}

const expressJwtScenarios: LibraryScenario[] = [
  {
    library: 'express-jwt',
    name: 'credentials-required',
    expected: demotes(UNAUTHENTICATED),
    run: () => throughExpressJwt(undefined),
  },
  {
    library: 'express-jwt',
    name: 'expired',
    expected: demotes(SESSION),
    run: () => throughExpressJwt(`Bearer ${expiredToken()}`),
  },
  {
    library: 'express-jwt',
    name: 'invalid-signature',
    expected: guarded('token_signature_invalid'),
    run: () => throughExpressJwt(`Bearer ${foreignToken()}`),
  },
];

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

const supabaseAuthScenarios: LibraryScenario[] = [
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

const postgrestScenarios: LibraryScenario[] = [
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

const firebaseScenarios: LibraryScenario[] = [
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

/** Auth and session libraries: every lapse demotes, every tampered or misconfigured token reports. */
export const authScenarios: readonly LibraryScenario[] = [
  ...jsonwebtokenScenarios,
  ...joseScenarios,
  ...expressJwtScenarios,
  ...supabaseAuthScenarios,
  ...postgrestScenarios,
  ...firebaseScenarios,
];
