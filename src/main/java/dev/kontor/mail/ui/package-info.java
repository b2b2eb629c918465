/** The demo mailbox, which shows the outbox on the embedded default so that a person can follow the mails' links. */
package dev.kontor.mail.ui;
