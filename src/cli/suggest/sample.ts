import { eventFacts, eventHeadline } from '../../event/facts.js';
import type { JsonObject } from '../recorded-event.js';

/** The tag a dry-run leaves on an event a rule claimed: the team's own word that the state is expected. */
export const DRY_RUN_KIND_TAG = 'expected_error.kind';

/**
 * One unit of a team's data as `suggest` reads it: an event (weight 1) or a Sentry issue (weight its
 * `count`), reduced to what a rule can test, so a large export costs little memory.
 */
export interface Sample {
  /** Texts as the classifier reads them (an exception's `Type: value`, a message), raw. */
  readonly fields: readonly string[];
  /** The text that names it (outermost exception, else message): what it is clustered by. */
  readonly headline: string;
  /** Exception types of the chain, the outermost last; the outermost is clustered by. */
  readonly exceptionTypes: readonly string[];
  /** HTTP statuses stated by structured fields. */
  readonly statuses: readonly number[];
  /** How many events it stands for. */
  readonly weight: number;
  /** Triaged as an expected state (an archived issue, a dry-run-tagged event). */
  readonly expected: boolean;
  /** The Sentry issue it belongs to, when known (an issue's `id`, an API event's `groupID`). */
  readonly issue: string | undefined;
  /** The event in the SDK's shape, as the classifier sees it. */
  readonly event: JsonObject;
}

/**
 * The sample of a recorded event (already in the SDK's shape), or `undefined` for an event the
 * integration never classifies (a transaction, any event with a `type`) or one with no text.
 */
export function sampleOfEvent(event: JsonObject): Sample | undefined {
  if (event.type !== undefined) return undefined;
  const facts = eventFacts(event);
  const headline = eventHeadline(event);
  if (headline === undefined || facts.fields.length === 0) return undefined;
  const tags = facts.tags;
  const groupId = event.groupID ?? event.group_id;
  return {
    fields: facts.fields.map((parts) => parts.join('')),
    headline,
    exceptionTypes: facts.exceptionTypes,
    statuses: facts.statuses,
    weight: 1,
    expected: tags !== undefined && tags[DRY_RUN_KIND_TAG] !== undefined,
    issue: typeof groupId === 'string' || typeof groupId === 'number' ? String(groupId) : undefined,
    event,
  };
}

/** The outermost exception type of a sample, when it has one. */
export function outermostType(sample: Sample): string | undefined {
  return sample.exceptionTypes.at(-1);
}
