import { SECRET_SHAPES, type SecretShape } from './secret-shapes.js';
import { redactUrlCredentials } from './url-credentials.js';

/**
 * Replaces every known secret shape in `text` (URL credentials, private keys, cookies, `key=value`
 * credentials, Authorization schemes, provider tokens, JWTs; see `SECRET_SHAPES`). The replacement keeps
 * the label around a secret (`Bearer [redacted]`, `password=[redacted]`) and never any of its characters.
 * Costs time linear in the length of `text`, whatever it holds.
 *
 * @example
 * redactSecrets('connect postgres://app:hunter2@db:5432 failed'); // 'connect postgres://[redacted]@db:5432 failed'
 */
export function redactSecrets(text: string): string {
  let redacted = redactUrlCredentials(text);
  for (const shape of SECRET_SHAPES) redacted = applyShape(redacted, shape);
  return redacted;
}

function applyShape(text: string, shape: SecretShape): string {
  if (shape.prefixes && !shape.prefixes.some((prefix) => text.includes(prefix))) return text;
  const { pattern, tail } = shape;
  const parts: string[] = [];
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const kept = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    let end = match.index + match[0].length;
    // A bounded quantifier stopped; the secret may not have: take the rest of it too.
    if (tail) while (end < text.length && tail(text.charCodeAt(end))) end++;
    parts.push(text.slice(copied, kept), shape.replacement);
    copied = end;
    pattern.lastIndex = end;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
