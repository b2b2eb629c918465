package dev.kontor.partner;

import org.springframework.context.ApplicationContext;

/** The partner jobs' package-private parts, for the tests that run several nodes (in another package). */
public final class PartnerJobs {

    public static final String REQUEST_EXPIRED = RequestExpiry.REQUEST_EXPIRED;
    public static final String RIGHTS_REVIEW_REQUESTED = RightsReviewJob.RIGHTS_REVIEW_REQUESTED;
    public static final String RIGHTS_FELL_BACK = RightsReviewJob.RIGHTS_FELL_BACK;

    private PartnerJobs() {
    }

    /** The scheduled runs of both jobs, as the node's scheduler runs them: only while this node holds their locks. */
    public static void runOnSchedule(ApplicationContext node) {
        node.getBean(RequestExpiry.class).expireDueRequests();
        node.getBean(RightsReviewJob.class).reviewRights();
    }

    /** Expires every due request, batch by batch, past the job lock (only the row claims keep nodes apart). */
    public static int expireRequests(ApplicationContext node) {
        return node.getBean(RequestExpiry.class).expireAll();
    }

    /** Asks for every due review, batch by batch, past the job lock. */
    public static int askForReviews(ApplicationContext node) {
        return node.getBean(RightsReviewJob.class).askDueCustomers();
    }

    /** Falls back every unanswered review, batch by batch, past the job lock. */
    public static int fallBackUnanswered(ApplicationContext node) {
        return node.getBean(RightsReviewJob.class).fallBackUnanswered();
    }
}
