/**
 * The integration's default surge: more than 100 drops or demotions of one kind in a minute. Apart from
 * src/surge.ts, whose detector is loaded only at the first decision, so that the option check at
 * construction does not pull it in.
 */
export const DEFAULT_SURGE = { threshold: 100, windowMs: 60_000 } as const;
