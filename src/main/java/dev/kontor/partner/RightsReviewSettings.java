package dev.kontor.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periodic access review: how long granted rights hold before the customer's contact person is asked to
 * confirm them (90 days unless configured), and how long they then have to answer before the rights fall back to
 * VIEW (30 days). How often the job looks ({@code kontor.partner.rights-review-check-interval}) is read by its
 * schedule.
 */
@ConfigurationProperties("kontor.partner")
record RightsReviewSettings(@DefaultValue("90d") Duration rightsReviewInterval,
                            @DefaultValue("30d") Duration rightsReviewGrace) {

    RightsReviewSettings {
        if (rightsReviewInterval.isNegative() || rightsReviewInterval.isZero()
                || rightsReviewGrace.isNegative() || rightsReviewGrace.isZero()) {
            throw new IllegalArgumentException(
                    "kontor.partner.rights-review-interval and kontor.partner.rights-review-grace must be positive");
        }
    }
}
