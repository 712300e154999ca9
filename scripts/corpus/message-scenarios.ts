import { MessageNotFoundError } from './app-errors.js';
import {
  backendApiTags,
  captureError,
  captureText,
  drops,
  guarded,
  passes,
  type Scenario,
  scenario,
} from './scenario.js';

const GONE = 'message_not_found';
const CHANNEL_404 = 'channel-message-404';
const TELEGRAM_MESSAGE = '/channels/telegram/messages/1103';

/** A 404 for a chat message that is already gone, typed or as the backend client reports it (§3.7). */
export const messageNotFoundScenarios: readonly Scenario[] = [
  scenario('message-not-found-typed', drops(GONE, 'message-not-found-typed'), () =>
    captureError(new MessageNotFoundError('telegram', '1103'), {
      tags: backendApiTags('PATCH', TELEGRAM_MESSAGE, 404),
    }),
  ),
  scenario('message-not-found-typed-in-cause', drops(GONE, 'message-not-found-typed'), () =>
    captureError(
      new Error('telegram edit_message failed', { cause: new MessageNotFoundError('telegram', '1103') }),
      { tags: { domain: 'channels', operation: 'edit_message', provider: 'telegram' } },
    ),
  ),
  scenario('channel-message-404-patch', drops(GONE, CHANNEL_404), () =>
    captureText(`PATCH ${TELEGRAM_MESSAGE} failed (404); response_body_len=172`, 'error', {
      tags: backendApiTags('PATCH', TELEGRAM_MESSAGE, 404),
    }),
  ),
  scenario('channel-message-404-get', passes, () =>
    captureText(`GET ${TELEGRAM_MESSAGE} failed (404); response_body_len=172`, 'error', {
      tags: backendApiTags('GET', TELEGRAM_MESSAGE, 404),
    }),
  ),
  scenario('channel-message-404-delete', drops(GONE, CHANNEL_404), () =>
    captureText(`DELETE ${TELEGRAM_MESSAGE} failed (404); response_body_len=48`, 'error', {
      tags: backendApiTags('DELETE', TELEGRAM_MESSAGE, 404),
    }),
  ),
  scenario('channel-404-non-message-path', passes, () =>
    captureText('PATCH /auth/profile failed (404); response_body_len=42', 'error', {
      tags: backendApiTags('PATCH', '/auth/profile', 404),
    }),
  ),
  scenario('channel-message-404-exception', drops(GONE, CHANNEL_404), () =>
    captureError(new Error('PATCH /channels/discord/messages/abc failed (404): Not Found'), {
      tags: backendApiTags('PATCH', '/channels/discord/messages/abc', 404),
    }),
  ),
  scenario('channel-message-403', guarded('backend_permission_denied', 'backend-403-reports'), () =>
    captureText(`PATCH ${TELEGRAM_MESSAGE} failed (403); response_body_len=172`, 'error', {
      tags: backendApiTags('PATCH', TELEGRAM_MESSAGE, 403),
    }),
  ),
  scenario('channel-message-404-prefixed-path', drops(GONE, CHANNEL_404), () =>
    captureText(`PATCH /api/v1${TELEGRAM_MESSAGE} failed (404); response_body_len=172`, 'error', {
      tags: backendApiTags('PATCH', `/api/v1${TELEGRAM_MESSAGE}`, 404),
    }),
  ),
  scenario('channel-message-404-wrong-domain', passes, () =>
    captureText(`PATCH ${TELEGRAM_MESSAGE} failed (404); response_body_len=172`, 'error', {
      tags: { ...backendApiTags('PATCH', TELEGRAM_MESSAGE, 404), domain: 'channels' },
    }),
  ),
];
