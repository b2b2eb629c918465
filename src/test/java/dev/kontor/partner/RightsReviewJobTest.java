package dev.kontor.partner;

import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.Outbox.QueuedMail;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RightsReviewJobTest extends CustomerSideTest {

    @Autowired
    RightsReviewJob job;

    @Autowired
    CustomerPartnerService partners;

    private long relationshipId;

    RightsReviewJobTest() {
        super("Reviewed Hosting");
    }

    @BeforeEach
    void activePartner() {
        Request request = requests.request(partner.id(), account.id(), account.email("Bob"),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), partner.adminUserId());
        fixtures.as(account.email("Bob"), () -> answers.accept(request.token(),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), null));
        relationshipId = request.id();
    }

    @Test
    void after_90_days_the_contact_person_is_asked_and_30_days_later_the_rights_fall_back_to_view() {
        run();
        clock.advance(Duration.ofDays(89));
        run();
        assertThat(reviewMails()).isEmpty();

        clock.advance(Duration.ofDays(2));
        run();
        run();

        // Alice became the contact person as the account's first manager; Bob accepted the request
        assertThat(reviewMails()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(account.label() + ": please confirm the rights of "
                    + partner.name());
            assertThat(mail.body()).contains("See the account, Manage users, Manage contacts",
                    "/accounts/" + account.customerNumber());
        });
        assertThat(outbox.to(account.email("Bob"))).isEmpty();
        assertThat(audit.of(RightsReviewJob.RIGHTS_REVIEW_REQUESTED, account.id())).hasSize(1);
        assertThat(audit.of(RightsReviewJob.RIGHTS_REVIEW_REQUESTED, partner.id())).hasSize(1);
        CustomerPartnerRow asked = row();
        assertThat(asked.reviewDue()).isTrue();
        assertThat(asked.fallsBackAt()).isNotNull();

        clock.advance(Duration.ofDays(29));
        run();
        assertThat(requests.grantedRights(relationshipId)).isEqualTo("VIEW,MANAGE_USERS,MANAGE_CONTACTS");

        clock.advance(Duration.ofDays(2));
        run();
        run();

        assertThat(requests.grantedRights(relationshipId)).isEqualTo("VIEW");
        assertThat(requests.state(relationshipId)).isEqualTo("ACTIVE");
        assertThat(outbox.to(partner.adminEmail())).filteredOn(mail -> mail.subject().contains("only see the account"))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo(account.label() + ": you can now only see the account");
                    assertThat(mail.body()).contains("The rights were: See the account, Manage users, Manage contacts");
                });
        assertThat(outbox.to(account.email("Alice")))
                .filteredOn(mail -> mail.subject().contains("only see the account")).singleElement().satisfies(mail -> assertThat(mail.body()).contains(partner.name(),
                        "/accounts/" + account.customerNumber()));
        for (long organization : new long[] {account.id(), partner.id()}) {
            assertThat(audit.of(RightsReviewJob.RIGHTS_FELL_BACK, organization)).singleElement()
                    .satisfies(event -> {
                        assertThat(event.oldValue()).isEqualTo("VIEW,MANAGE_USERS,MANAGE_CONTACTS");
                        assertThat(event.newValue()).isEqualTo("VIEW");
                    });
        }
        assertThat(row().reviewDue()).isFalse();
    }

    @Test
    void rights_confirmed_in_the_account_stay_and_the_next_review_waits_a_full_interval() {
        clock.advance(Duration.ofDays(91));
        run();
        assertThat(reviewMails()).hasSize(1);

        fixtures.as(account.email("Bob"), () -> partners.confirmRights(account.id(), relationshipId));
        clock.advance(Duration.ofDays(31));
        run();

        assertThat(requests.grantedRights(relationshipId)).isEqualTo("VIEW,MANAGE_USERS,MANAGE_CONTACTS");
        assertThat(audit.of(RightsReviewJob.RIGHTS_FELL_BACK, account.id())).isEmpty();
        assertThat(reviewMails()).hasSize(1);
        clock.advance(Duration.ofDays(60));
        run();
        assertThat(reviewMails()).hasSize(2);
    }

    private void run() {
        job.askDueCustomers();
        job.fallBackUnanswered();
    }

    private List<QueuedMail> reviewMails() {
        return outbox.to(account.email("Alice")).stream()
                .filter(mail -> mail.subject().contains("please confirm the rights")).toList();
    }

    private CustomerPartnerRow row() {
        return fixtures.as(account.email("Alice"), () -> partners.partnersOf(account.id())).stream()
                .filter(row -> row.relationshipId() == relationshipId).findFirst().orElseThrow();
    }
}
