import { authScenarios } from './auth.js';
import { httpClientScenarios } from './http-clients.js';
import { aggregateScenarios, llmScenarios } from './llm-sdks.js';
import type { LibraryScenario } from './scenario.js';
import { stripeScenarios } from './stripe.js';

/** Every library scenario, in fixture order. A name is a fixture's identity: append, do not rename. */
export const librariesScenarios: readonly LibraryScenario[] = [
  ...httpClientScenarios,
  ...authScenarios,
  ...llmScenarios,
  ...stripeScenarios,
  ...aggregateScenarios,
];
