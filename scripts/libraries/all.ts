import { authScenarios } from './auth.js';
import { auth0Scenarios } from './auth0.js';
import { chatApiScenarios } from './chat-apis.js';
import { cloudSdkScenarios } from './cloud-sdks.js';
import { datastoreScenarios } from './databases.js';
import { graphqlScenarios } from './graphql-clients.js';
import { hostedTokenScenarios } from './hosted-tokens.js';
import { httpClientScenarios } from './http-clients.js';
import { aggregateScenarios, llmScenarios } from './llm-sdks.js';
import { mailAndSocketScenarios } from './mail-and-sockets.js';
import { restApiScenarios } from './rest-apis.js';
import type { LibraryScenario } from './scenario.js';
import { stripeScenarios } from './stripe.js';

/** Every library scenario, in fixture order. A name is a fixture's identity: append, do not rename. */
export const librariesScenarios: readonly LibraryScenario[] = [
  ...httpClientScenarios,
  ...authScenarios,
  ...llmScenarios,
  ...stripeScenarios,
  ...aggregateScenarios,
  ...graphqlScenarios,
  ...cloudSdkScenarios,
  ...restApiScenarios,
  ...chatApiScenarios,
  ...mailAndSocketScenarios,
  ...datastoreScenarios,
  ...hostedTokenScenarios,
  ...auth0Scenarios,
];
