import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `mailRules`, by rule id: only `checkRules` reads them. */
export const MAIL_DOCS: BuiltInRuleDocs = {
  'nodemailer-smtp-deferred': {
    description:
      'nodemailer EENVELOPE/EMESSAGE/EPROTOCOL with a 4xx SMTP reply (RFC 5321 transient negative completion)',
    examples: {
      match: [
        "Error: Can't send mail - all recipients were rejected: 450 4.2.0 <user@example.com>: Recipient address rejected: Greylisted",
        'Error: Message failed: 451 4.3.0 Error: queue file write error, please try again later',
        'Error: Invalid greeting. response=421 4.3.2 Service not available, closing transmission channel: 421 4.3.2 Service not available, closing transmission channel',
      ],
      noMatch: [
        "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown",
        'Error: Message failed: 554 5.7.1 Message rejected: spam content detected',
        'Error: Invalid login: 535 5.7.8 Error: authentication failed',
        'Error: connect ECONNREFUSED 127.0.0.1:587',
      ],
    },
  },
};
