package dev.kontor.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerTestData.TestCustomer;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.user.UserAccountService;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PartnerServiceTest {

    private static final Set<OrganizationRight> VIEW_AND_USERS = EnumSet.of(OrganizationRight.VIEW,
            OrganizationRight.MANAGE_USERS);

    @Autowired
    PartnerService partners;

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    RequestExpiry expiry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccountService users;

    @Autowired
    PartnerTestData data;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_legal_representative_adds_a_customer_whose_new_manager_gets_a_personal_link() {
        TestPartner partner = data.partner();
        String manager = "first-" + UUID.randomUUID() + "@example.test";

        long relationshipId = fixtures.as(partner.legalEmail(), () -> partners.addCustomer(partner.partnerId(),
                new NewCustomer("Neukunde GmbH", manager, "Nele Neu", VIEW_AND_USERS), Locale.ENGLISH));

        var row = jdbc.queryForMap("""
                select r.state, r.requested_rights, o.customer_number, o.parent_id, m.state as membership_state
                from partner_relationship r join organization o on o.id = r.customer_id
                join membership m on m.organization_id = o.id join app_user u on u.id = m.user_id
                where r.id = ? and u.email = ?""", relationshipId, manager);
        assertThat(row.get("STATE")).isEqualTo("REQUESTED");
        assertThat(row.get("REQUESTED_RIGHTS")).isEqualTo("VIEW,MANAGE_USERS");
        assertThat((String) row.get("CUSTOMER_NUMBER")).matches("CN-\\d+");
        assertThat(row.get("PARENT_ID")).isEqualTo(partner.partnerId());
        assertThat(row.get("MEMBERSHIP_STATE")).isEqualTo("INVITED");
        assertThat(outbox.to(manager)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Partner " + partner.tag(), "Neukunde GmbH");
            assertThat(mail.body()).contains("/partner-request/", "See the account", "Manage users");
        });
        assertThat(auditTrail.latest(PartnerService.CUSTOMER_ADDED))
                .filteredOn(e -> e.getActorEmail().equals(partner.legalEmail())).hasSize(2);
        // the account was opened by the system, on the legal representative's behalf: the log names them
        assertThat(auditTrail.latest("ORGANIZATION_CREATED"))
                .anySatisfy(e -> {
                    assertThat(e.getSummary()).contains("Neukunde GmbH");
                    assertThat(e.getActorEmail()).isEqualTo(partner.legalEmail());
                });
    }

    @Test
    void a_known_person_made_first_manager_is_invited_keeps_their_name_and_is_active_only_after_accepting_signed_in() {
        TestPartner partner = data.partner();
        String known = fixtures.person("Klara");

        long relationshipId = fixtures.as(partner.legalEmail(), () -> partners.addCustomer(partner.partnerId(),
                new NewCustomer("Bekannt GmbH", known, "Typed Klara", VIEW_AND_USERS), Locale.ENGLISH));

        assertThat(firstManagerState(relationshipId, known)).isEqualTo("INVITED");
        assertThat(jdbc.queryForObject("select display_name from app_user where email = ?", String.class, known))
                .isEqualTo("Klara");
        String token = requestToken(known);
        // signed in, they are told they are only invited: answering is how they accept the invitation
        assertThat(fixtures.as(known, () -> answers.preview(token)).answerPath())
                .isEqualTo(AnswerPath.SIGNED_IN_INVITEE);
        assertThatThrownBy(() -> answers.accept(token, Set.of(OrganizationRight.VIEW), null))
                .isInstanceOf(dev.kontor.base.KontorException.class);
        assertThat(firstManagerState(relationshipId, known)).isEqualTo("INVITED");

        fixtures.as(known, () -> answers.accept(token, Set.of(OrganizationRight.VIEW), null));

        assertThat(firstManagerState(relationshipId, known)).isEqualTo("ACTIVE");
    }

    private String firstManagerState(long relationshipId, String email) {
        return jdbc.queryForObject("""
                select m.state from partner_relationship r join membership m on m.organization_id = r.customer_id
                join app_user u on u.id = m.user_id where r.id = ? and u.email = ?""", String.class,
                relationshipId, email);
    }

    private String requestToken(String email) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/partner-request/([A-Za-z0-9_-]+)")
                .matcher(outbox.to(email).getLast().body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void only_legal_representatives_add_customers_and_refusals_are_audited() {
        TestPartner partner = data.partner();
        TestPartner other = data.partner();
        NewCustomer input = new NewCustomer("Nope AG", "nope-" + UUID.randomUUID() + "@example.test", "N", Set.of(
                OrganizationRight.VIEW));

        for (String who : new String[] {partner.adminEmail(), partner.employeeEmail(), other.legalEmail()}) {
            assertThatThrownBy(() -> fixtures.as(who, () -> partners.addCustomer(partner.partnerId(), input,
                    Locale.ENGLISH))).as(who).isInstanceOf(AccessRefused.class);
        }
        assertThat(auditTrail.latest(PartnerAccess.PARTNER_ACCESS_DENIED))
                .filteredOn(e -> partner.partnerId() == e.getOrganizationId()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Nope AG'", Integer.class))
                .isZero();
    }

    @Test
    void bad_input_is_refused_next_to_its_field_and_nothing_is_created() {
        TestPartner partner = data.partner();
        String fresh = "fresh-" + UUID.randomUUID() + "@example.test";

        assertField(partner, new NewCustomer(" ", fresh, "X", VIEW_AND_USERS), "companyName");
        assertField(partner, new NewCustomer("<b>Bold</b>", fresh, "X", VIEW_AND_USERS), "companyName");
        assertField(partner, new NewCustomer("Fine GmbH", "nope", "X", VIEW_AND_USERS), "managerEmail");
        assertField(partner, new NewCustomer("Fine GmbH", fresh, "", VIEW_AND_USERS), "managerName");
        assertField(partner, new NewCustomer("Fine GmbH", fresh, "X", Set.of()), "rights");
        assertThat(jdbc.queryForObject("select count(*) from organization where parent_id = ?", Integer.class,
                partner.partnerId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, fresh))
                .isZero();
    }

    @Test
    void the_first_managers_name_is_required_for_every_address_so_the_answer_tells_nobody_who_has_an_account() {
        TestPartner partner = data.partner();
        String known = fixtures.person("Kenna");
        String unknown = "unknown-" + UUID.randomUUID() + "@example.test";

        for (String address : new String[] {known, unknown}) {
            assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.addCustomer(
                    partner.partnerId(), new NewCustomer("Orakel GmbH", address, " ", VIEW_AND_USERS),
                    Locale.ENGLISH))).as(address).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("managerName");
                        assertThat(refusal.messageKey()).isEqualTo("validation.required");
                    });
        }
        assertThat(jdbc.queryForObject("select count(*) from organization where parent_id = ?", Integer.class,
                partner.partnerId())).isZero();
        assertThat(outbox.to(known)).isEmpty();
    }

    @Test
    void a_name_that_reads_as_a_link_or_address_is_refused_and_nothing_is_mailed() {
        TestPartner partner = data.partner();
        String fresh = "prize-" + UUID.randomUUID() + "@example.test";

        for (String name : new String[] {"Free prize at https://evil.test", "Visit www.evil.test",
                "mail me@evil.test"}) {
            assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.addCustomer(
                    partner.partnerId(), new NewCustomer("Preis GmbH", fresh, name, VIEW_AND_USERS),
                    Locale.ENGLISH))).as(name).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("managerName");
                        assertThat(refusal.messageKey()).isEqualTo("validation.name-looks-like-address");
                    });
        }
        assertThat(outbox.to(fresh)).isEmpty();
    }

    @Test
    void a_request_needs_a_matching_number_and_manager_and_exists_only_once_sent() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);

        for (String[] wrong : new String[][] {{customer.customerNumber(), "someone-else@example.test"},
                {"CN-999999999", customer.managerEmail()}}) {
            assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.prepareRequest(
                    partner.partnerId(), wrong[0], wrong[1], VIEW_AND_USERS, Locale.ENGLISH)))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            refusal -> assertThat(refusal.messageKey()).isEqualTo("partner.request.no-match"));
        }

        RequestDraft first = fixtures.as(partner.legalEmail(), () -> partners.prepareRequest(partner.partnerId(),
                customer.customerNumber().replace("CN-", ""), customer.managerEmail(), VIEW_AND_USERS,
                Locale.ENGLISH));
        assertThat(first.recipient()).isEqualTo(customer.managerEmail());
        assertThat(first.body()).contains("/partner-request/" + first.token());
        assertThat(outbox.to(customer.managerEmail())).isEmpty();
        RequestDraft second = fixtures.as(partner.legalEmail(), () -> partners.prepareRequest(partner.partnerId(),
                customer.customerNumber(), customer.managerEmail(), Set.of(OrganizationRight.ADMIN), Locale.ENGLISH));
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where partner_id = ? "
                + "and customer_id = ?", Integer.class, partner.partnerId(), customer.customerId())).isZero();

        long id = fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(), second,
                RequestDelivery.KONTOR_MAILS, Locale.ENGLISH));
        assertThat(outbox.to(customer.managerEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.body()).isEqualTo(second.body()));
        // the other draft would mail the same customer again the same day
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(),
                first, RequestDelivery.KONTOR_MAILS, Locale.ENGLISH))).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where partner_id = ? "
                + "and customer_id = ?", Integer.class, partner.partnerId(), customer.customerId())).isOne();
        assertThat(jdbc.queryForObject("select request_token_hash from partner_relationship where id = ?",
                String.class, id)).isEqualTo(dev.kontor.base.SecretTokens.hash(second.token()));
    }

    @Test
    void the_database_holds_one_open_relationship_per_partner_and_customer() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Doppelt GmbH", VIEW_AND_USERS);

        assertThatThrownBy(() -> jdbc.update("""
                insert into partner_relationship (partner_id, customer_id, state, requested_rights, request_email,
                  requested_at, request_expires_at, open_customer_id, customer_number_key, customer_name_key)
                values (?, ?, 'REQUESTED', 'VIEW', 'x@example.test', current_timestamp, current_timestamp, ?,
                  'CN-0', 'doppelt gmbh')""",
                partner.partnerId(), customer.customerId(), customer.customerId()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void the_grid_shows_everything_to_leads_only_assigned_customers_to_employees_and_nothing_to_others() {
        TestPartner partner = data.partner();
        TestPartner other = data.partner();
        TestCustomer first = data.activeCustomer(partner, "Alpha GmbH", VIEW_AND_USERS);
        data.activeCustomer(partner, "Beta GmbH", Set.of(OrganizationRight.VIEW));
        data.assign(partner, first);

        var forLegal = fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10)));
        assertThat(forLegal).extracting(ManagedCustomer::name).containsExactly("Alpha GmbH", "Beta GmbH");
        assertThat(forLegal.getFirst().assignees()).extracting(Assignee::userId)
                .containsExactly(partner.employee());
        assertThat(forLegal.getFirst().grantedRights()).isEqualTo(VIEW_AND_USERS);

        var forEmployee = fixtures.as(partner.employeeEmail(), () -> managedCustomers.rows(partner.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10)));
        assertThat(forEmployee).extracting(ManagedCustomer::name).containsExactly("Alpha GmbH");
        assertThat(fixtures.as(partner.employeeEmail(), () -> managedCustomers.count(partner.partnerId(),
                ManagedCustomerFilter.none()))).isOne();

        assertThatThrownBy(() -> fixtures.as(other.legalEmail(), () -> managedCustomers.rows(partner.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10)))).isInstanceOf(AccessRefused.class);

        var filtered = fixtures.as(partner.adminEmail(), () -> managedCustomers.rows(partner.partnerId(),
                new ManagedCustomerFilter("beta", false), PageRequest.of(0, 10,
                        org.springframework.data.domain.Sort.by("name").descending())));
        assertThat(filtered).extracting(ManagedCustomer::name).containsExactly("Beta GmbH");
    }

    @Test
    void only_the_legal_representative_terminates_and_the_customers_managers_are_told() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Ende GmbH", VIEW_AND_USERS);

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> partners.terminate(partner.partnerId(),
                customer.relationshipId(), Locale.ENGLISH))).isInstanceOf(AccessRefused.class);
        fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.partnerId(), customer.relationshipId(),
                Locale.ENGLISH));

        assertThat(jdbc.queryForObject("select state from partner_relationship where id = ?", String.class,
                customer.relationshipId())).isEqualTo("TERMINATED");
        assertThat(outbox.to(customer.managerEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).contains("ended the partnership"));
        assertThat(auditTrail.latest(PartnerService.RELATIONSHIP_TERMINATED))
                .filteredOn(e -> e.getOldValue() != null && e.getActorEmail().equals(partner.legalEmail()))
                .extracting(e -> e.getOrganizationId())
                .contains(partner.partnerId(), customer.customerId());
    }

    @Test
    void unanswered_requests_expire_after_fourteen_days_and_show_as_such() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        long id = send(partner, customer);

        clock.advance(Duration.ofDays(15));
        expiry.expireAll();

        var inbox = fixtures.as(partner.legalEmail(), () -> partners.sentRequests(partner.partnerId(), Set.of(),
                PageRequest.of(0, 10)));
        assertThat(inbox.getContent()).singleElement().satisfies(request -> {
            assertThat(request.relationshipId()).isEqualTo(id);
            assertThat(request.state()).isEqualTo(RelationshipState.EXPIRED);
        });
    }

    @Test
    void a_pending_request_can_be_withdrawn_and_then_no_longer_sent() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        long id = send(partner, customer);

        fixtures.as(partner.legalEmail(), () -> partners.withdrawRequest(partner.partnerId(), id));

        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.resendRequest(partner.partnerId(),
                id, Locale.ENGLISH))).isInstanceOfSatisfying(RuleViolation.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("relationship.not-requested"));
        assertThat(jdbc.queryForObject("select state from partner_relationship where id = ?", String.class,
                id)).isEqualTo("REVOKED");
    }

    @Test
    void employees_are_assigned_by_leads_only_to_active_customers() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Zuweisung GmbH", VIEW_AND_USERS);
        TestCustomer stranger = data.independentCustomer(partner);

        fixtures.as(partner.adminEmail(), () -> partners.assign(partner.partnerId(), customer.customerId(),
                partner.employee()));
        assertThatThrownBy(() -> fixtures.as(partner.employeeEmail(), () -> partners.assign(partner.partnerId(),
                customer.customerId(), partner.employee()))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> partners.assign(partner.partnerId(),
                stranger.customerId(), partner.employee()))).isInstanceOf(RuleViolation.class);

        var mine = fixtures.as(partner.employeeEmail(), () -> managedCustomers.rows(partner.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10)));
        assertThat(mine).extracting(ManagedCustomer::name).containsExactly("Zuweisung GmbH");
    }

    private void assertField(TestPartner partner, NewCustomer input, String field) {
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.addCustomer(partner.partnerId(),
                input, Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    private long send(TestPartner partner, TestCustomer customer) {
        return fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(),
                partners.prepareRequest(partner.partnerId(), customer.customerNumber(), customer.managerEmail(),
                        VIEW_AND_USERS, Locale.ENGLISH), RequestDelivery.KONTOR_MAILS, Locale.ENGLISH));
    }
}
