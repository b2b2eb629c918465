package dev.kontor.account;

import org.springframework.context.ApplicationContext;

/** The reminder's package-private parts, for the tests that run several nodes (in another package). */
public final class AccountJobs {

    public static final String CONFIRMATION_REQUESTED = ContactConfirmationReminder.CONFIRMATION_REQUESTED;

    private AccountJobs() {
    }

    /** The scheduled run, as the node's scheduler runs it: only while this node holds the job lock. */
    public static void remindOnSchedule(ApplicationContext node) {
        node.getBean(ContactConfirmationReminder.class).remindDueAccounts();
    }

    /** Every due reminder, batch by batch, past the job lock (only the row claims keep nodes apart). */
    public static int sendReminders(ApplicationContext node) {
        return node.getBean(ContactConfirmationReminder.class).sendReminders();
    }
}
