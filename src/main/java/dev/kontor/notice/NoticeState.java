package dev.kontor.notice;

/** Where a notice stands: written and waiting for the fan-out, being mailed batch by batch, or mailed to everyone. */
public enum NoticeState {
    QUEUED, SENDING, SENT
}
