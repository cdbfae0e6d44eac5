/**
 * Outgoing mail. Every message is recorded in the mail_outbox table first (the
 * embedded default has no mail server: the operator console and the server log
 * show the outbox); with SMTP_URL it is also sent through nodemailer. Rows are
 * written in the caller's transaction and sent by `flush` (a timer in serve.ts),
 * which only ever sees committed rows: a decision that rolls back mails nobody.
 */
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Database } from './db/schema.js';
import { newId } from './ids.js';
import { afterCommit } from './db/tx.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Records the message in the outbox (inside the caller's transaction when given). */
  enqueue(db: Kysely<Database>, message: MailMessage): Promise<string>;
  /** Delivers queued messages over SMTP when configured; returns how many were sent. */
  flush(db: Kysely<Database>): Promise<number>;
}

export function createMailer(opts: { smtpUrl?: string; from: string; clock: Clock; log?: (msg: string) => void }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  return {
    async enqueue(db, message) {
      const id = newId(opts.clock.now().getTime());
      await db
        .insertInto('mailOutbox')
        .values({
          id,
          toAddress: message.to,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html ?? null,
          createdAt: opts.clock.now().toISOString(),
          sentAt: null,
          error: null,
        })
        .execute();
      // The outbox row commits with the decision; nothing leaves (not even a log line) unless it does.
      if (!transport) await afterCommit(db, () => opts.log?.(`mail to ${message.to}: ${message.subject} (outbox only; set SMTP_URL to send)`));
      return id;
    },
    async flush(db) {
      if (!transport) return 0;
      const pending = await db.selectFrom('mailOutbox').selectAll().where('sentAt', 'is', null).where('error', 'is', null).orderBy('id').limit(100).execute();
      let sent = 0;
      for (const m of pending) {
        try {
          await transport.sendMail({ from: opts.from, to: m.toAddress, subject: m.subject, text: m.textBody, html: m.htmlBody ?? undefined });
          await db.updateTable('mailOutbox').set({ sentAt: opts.clock.now().toISOString() }).where('id', '=', m.id).execute();
          sent++;
        } catch (err) {
          await db.updateTable('mailOutbox').set({ error: String((err as Error).message).slice(0, 500) }).where('id', '=', m.id).execute();
        }
      }
      return sent;
    },
  };
}
