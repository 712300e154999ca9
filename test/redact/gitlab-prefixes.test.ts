import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/redact/index.js';

describe('GitLab tokens', () => {
  it.each(['glagent-', 'glcbt-', 'GR1348941'])('removes a token starting with %s', (prefix) => {
    const secret = `${prefix}${'Xy7'.repeat(9)}`;
    const redacted = redactSecrets(`runner failed with ${secret} today`);
    expect(redacted).toBe('runner failed with [redacted-gitlab-token] today');
  });
});
