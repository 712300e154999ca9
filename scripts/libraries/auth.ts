import { firebaseScenarios, postgrestScenarios, supabaseAuthScenarios } from './hosted-auth.js';
import type { LibraryScenario } from './scenario.js';
import { expressJwtScenarios, joseScenarios, jsonwebtokenScenarios } from './token-libraries.js';

/** Auth and session libraries: every lapse demotes, every tampered or misconfigured token reports. */
export const authScenarios: readonly LibraryScenario[] = [
  ...jsonwebtokenScenarios,
  ...joseScenarios,
  ...expressJwtScenarios,
  ...supabaseAuthScenarios,
  ...postgrestScenarios,
  ...firebaseScenarios,
];
