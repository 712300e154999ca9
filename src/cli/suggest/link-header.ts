/**
 * The `next` page of Sentry's `Link` header (`<url>; rel="next"; results="true"; cursor="…"`), or
 * `undefined` when there is none or Sentry says it holds no results.
 */
export function nextPageUrl(link: string | null): string | undefined {
  if (link === null) return undefined;
  for (const part of link.split(/,\s*(?=<)/)) {
    const url = /^\s*<([^>]*)>/.exec(part)?.[1];
    const attributes = new Map(
      [...part.matchAll(/;\s*([a-z]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]),
    );
    if (url !== undefined && attributes.get('rel') === 'next')
      return attributes.get('results') === 'true' ? url : undefined;
  }
  return undefined;
}
