// The errors live with the rule engine, which throws most of them and must import nothing outside
// `src/rules/`; the rest of the package imports them from here.
export {
  RuleConfigError,
  type RuleConfigProblem,
  SentryExpectedErrorsError,
  type SentryExpectedErrorsErrorCode,
} from './rules/errors.js';
