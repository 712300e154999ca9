import { createSign, generateKeyPairSync } from 'node:crypto';
import { verifyToken } from '@clerk/backend';
import { EXPIRED_AT, FAR_FUTURE, ISSUED_AT, SESSION } from './auth-tokens.js';
import { because, type LibraryDecision, type LibraryScenario, passes, thrownBy } from './scenario.js';

/** An RS256 key pair made once per recording: Clerk verifies networklessly with `jwtKey`. */
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const JWT_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A Clerk session token (claims as Clerk issues them), signed with `privateKey`. */
function sessionToken(claims: Record<string, unknown>, privateKey = keys.privateKey): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: 'ins_corpus' });
  const payload = encode({
    sub: 'user_2corpus',
    sid: 'sess_2corpus',
    iss: 'https://clerk.example.com',
    azp: 'http://localhost:3000',
    iat: ISSUED_AT,
    nbf: ISSUED_AT,
    exp: FAR_FUTURE,
    ...claims,
  });
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${signer.sign(privateKey).toString('base64url')}`;
}

function clerk(name: string, expected: LibraryDecision, token: () => string): LibraryScenario {
  return {
    library: '@clerk/backend',
    name,
    expected,
    run: () => thrownBy(() => verifyToken(token(), { jwtKey: JWT_KEY })),
  };
}

/** A hosted auth provider's token verification: an expired session token is the user's state. */
export const hostedTokenScenarios: readonly LibraryScenario[] = [
  clerk(
    'token-expired',
    because(
      { outcome: 'breadcrumb', kind: SESSION },
      'TokenVerificationError token-expired, "JWT is expired. Expiry date: …": the user’s session lapsed',
    ),
    () => sessionToken({ exp: EXPIRED_AT }),
  ),
  clerk(
    'invalid-signature',
    because(passes, 'a token signed with another key: tampering or a key mix-up, never an expected state'),
    () => sessionToken({}, otherKeys.privateKey),
  ),
  clerk('not-active-yet', because(passes, 'nbf in the future: a clock problem, a bug to fix'), () =>
    sessionToken({ nbf: FAR_FUTURE - 60, iat: FAR_FUTURE - 60 }),
  ),
];
