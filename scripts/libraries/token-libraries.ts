import { expressjwt } from 'express-jwt';
import { jwtVerify, SignJWT } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import {
  EXPIRED_AT,
  expiredToken,
  FAR_FUTURE,
  foreignToken,
  ISSUED_AT,
  OTHER_SECRET,
  SECRET,
  SESSION,
  UNAUTHENTICATED,
} from './auth-tokens.js';
import { demotes, guarded, type LibraryScenario, passes, thrownBy } from './scenario.js';

const key = new TextEncoder().encode(SECRET);

/** jsonwebtoken `verify`: the lapse demotes, tampering and malformed tokens report. */
export const jsonwebtokenScenarios: readonly LibraryScenario[] = [
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
export const joseScenarios: readonly LibraryScenario[] = [
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

/** express-jwt: no token, an expired one, a foreign signature. */
export const expressJwtScenarios: readonly LibraryScenario[] = [
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
