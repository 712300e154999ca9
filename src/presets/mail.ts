import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'mailRules';

/**
 * nodemailer's SMTP errors for a 4xx reply, each in nodemailer's own message form with the relay's reply
 * after it: a deferral (greylisting 450, a local error 451, storage 452, service not available 421), which
 * the relay asks to be tried again later. Kind `mail_deferred`. A 5xx rejection (unknown recipient,
 * refused message, `Invalid login: 535`) and a refused connection to the relay pass: the first are
 * permanent, the last is an outage.
 *
 * @example
 * expectedErrorsIntegration({ rules: mailRules() });
 */
export function mailRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

function rules(): Rule[] {
  return [
    {
      id: 'nodemailer-smtp-deferred',
      kind: 'mail_deferred',
      action: 'breadcrumb',
      any: [
        "Can't send mail - all recipients were rejected: 4", // EENVELOPE at RCPT TO
        'Mail command failed: 4', // EENVELOPE at MAIL FROM
        'Message failed: 4', // EMESSAGE after DATA
        'Data command failed: 4', // EENVELOPE at DATA
        'Invalid greeting. response=4', // EPROTOCOL: a 421 greeting
      ],
    },
  ];
}
