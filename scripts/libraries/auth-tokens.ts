import jsonwebtoken from 'jsonwebtoken';

/** The verifier's secret, and another one for tokens whose signature must fail. */
export const SECRET = 'corpus-signing-secret-not-a-real-one';
export const OTHER_SECRET = 'a-different-secret-than-the-verifier';
/** 2023-11-14T22:13:20Z, one hour later, and 2100-01-01: fixed so every recording signs the same tokens. */
export const ISSUED_AT = 1_700_000_000;
export const EXPIRED_AT = ISSUED_AT + 3_600;
export const FAR_FUTURE = 4_102_444_800;
export const SESSION = 'session_expired';
export const UNAUTHENTICATED = 'unauthenticated';

/** A token that expired an hour after it was issued, in 2023. */
export const expiredToken = (): string =>
  jsonwebtoken.sign({ sub: 'user_1', iat: ISSUED_AT, exp: EXPIRED_AT }, SECRET);
/** A valid token signed with another secret. */
export const foreignToken = (): string =>
  jsonwebtoken.sign({ sub: 'user_1', iat: ISSUED_AT, exp: FAR_FUTURE }, OTHER_SECRET);
