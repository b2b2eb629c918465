package dev.kontor.mail;

import org.springframework.context.ApplicationContext;

/** The mail sender's package-private parts, for the tests that run several nodes (in another package). */
public final class MailJobs {

    private MailJobs() {
    }

    /** The scheduled delivery, as the node's scheduler runs it: only while this node holds the job lock. */
    public static void deliverOnSchedule(ApplicationContext node) {
        node.getBean(MailDelivery.class).deliverOnSchedule();
    }

    /** One delivery round on this node, past the job lock (only the row claims keep nodes apart); how many sent. */
    public static int deliverDueMails(ApplicationContext node) {
        return node.getBean(MailDelivery.class).deliverDueMails().sent();
    }

    /** The Message-ID every attempt at the mail with this idempotency key carries (sender kontor.test). */
    public static String messageIdFor(String idempotencyKey) {
        return MailDelivery.messageIdFor(idempotencyKey, "kontor.test");
    }
}
