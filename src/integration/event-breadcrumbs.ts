import type { Breadcrumb, Event } from '@sentry/core';
import type { Classifier } from '../classifier/build.js';
import { KIND_KEY } from '../decisions/tags.js';
import { classifyBreadcrumb, wasDecidedWhenRecorded } from './on-breadcrumb.js';

/**
 * Classifies the breadcrumbs an event carries that never passed `beforeBreadcrumb`: an Electron renderer's
 * (its SDK forwards them to the main process, which stores them with `scope.addBreadcrumb`) and any other
 * `scope.addBreadcrumb` call. Breadcrumbs already decided (when recorded, ours, or annotated with
 * `expected_error.kind`) are skipped: nothing is decided twice, and an app whose breadcrumbs all pass
 * `beforeBreadcrumb` pays almost nothing here. `event.breadcrumbs` is replaced
 * by a new array only when a breadcrumb changes; the breadcrumbs themselves (shared with the scope) are
 * never modified.
 */
export function classifyEventBreadcrumbs(
  event: Event,
  classifier: Classifier,
  mode: 'enforce' | 'dry-run',
): void {
  const breadcrumbs: unknown = event.breadcrumbs;
  if (!Array.isArray(breadcrumbs)) return;
  let changed: Breadcrumb[] | undefined;
  for (let index = 0; index < breadcrumbs.length; index++) {
    const breadcrumb: unknown = breadcrumbs[index];
    const decided: unknown = isUndecided(breadcrumb)
      ? classifyBreadcrumb(breadcrumb, classifier, mode)
      : breadcrumb;
    if (Object.is(decided, breadcrumb)) {
      // Kept as it is (whatever it is: the SDK, not us, decides what a malformed entry becomes).
      changed?.push(breadcrumb as Breadcrumb);
      continue;
    }
    changed ??= breadcrumbs.slice(0, index) as Breadcrumb[];
    if (decided !== null) changed.push(decided as Breadcrumb);
  }
  if (changed !== undefined) event.breadcrumbs = changed;
}

function isUndecided(breadcrumb: unknown): breadcrumb is Breadcrumb {
  if (typeof breadcrumb !== 'object' || breadcrumb === null || wasDecidedWhenRecorded(breadcrumb))
    return false;
  const data = (breadcrumb as Breadcrumb).data;
  return !(typeof data === 'object' && data !== null && KIND_KEY in data);
}
