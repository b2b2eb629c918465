package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kontor.account.AccountService;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.SqlStatements;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The preview of replacing a person: every place in the organizations the acting person may change, each with the
 * outcome the single change's rules give, nothing of elsewhere, paged from the database. Run on H2 and PostgreSQL.
 */
abstract class PersonReplacementRules {

    @Autowired
    PersonReplacement replacement;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    AccountService accounts;

    @Autowired
    ContactProvisioning contacts;

    @Autowired
    JdbcTemplate jdbc;

    ReplacementWorld world;

    @BeforeEach
    void world() {
        world = new ReplacementWorld(fixtures, onboarding, accounts, contacts, jdbc);
    }

    @Test
    void a_successor_who_manages_the_account_takes_the_contact_person_and_one_who_does_not_is_refused() {
        List<ReplacementItem> items = previewAs(world.max, world.lea, world.sam);

        assertThat(items).filteredOn(i -> i.organizationId() == world.accountA)
                .extracting(ReplacementItem::place, ReplacementItem::outcome, ReplacementItem::refusal)
                .containsExactly(tuple(Place.CONTACT_PERSON, Outcome.REPLACE, null),
                        tuple(Place.MANAGER, Outcome.REPLACE, null));
        assertThat(items).filteredOn(i -> i.organizationId() == world.accountB)
                .extracting(ReplacementItem::place, ReplacementItem::outcome, ReplacementItem::refusal)
                .containsExactly(tuple(Place.CONTACT_PERSON, Outcome.REFUSED, Refusal.SUCCESSOR_NOT_ACTIVE_MANAGER),
                        tuple(Place.MANAGER, Outcome.REFUSED, Refusal.SUCCESSOR_NOT_ACTIVE_MANAGER));
    }

    @Test
    void offboarding_keeps_the_contact_person_and_removes_the_deputy_the_contact_and_the_manager_role_elsewhere() {
        List<ReplacementItem> items = previewAs(world.max, world.lea, null);

        assertThat(items).filteredOn(i -> i.organizationId() == world.accountA)
                .extracting(ReplacementItem::place, ReplacementItem::outcome, ReplacementItem::refusal)
                .containsExactly(tuple(Place.CONTACT_PERSON, Outcome.REFUSED, Refusal.STILL_CONTACT_PERSON),
                        tuple(Place.MANAGER, Outcome.REFUSED, Refusal.STILL_CONTACT_PERSON));
        assertThat(items).filteredOn(i -> i.organizationId() == world.accountD)
                .extracting(ReplacementItem::place, ReplacementItem::outcome, ReplacementItem::contactTypes)
                .containsExactly(tuple(Place.DEPUTY, Outcome.REMOVE, EnumSet.noneOf(ContactType.class)),
                        tuple(Place.MANAGER, Outcome.REMOVE, EnumSet.noneOf(ContactType.class)),
                        tuple(Place.CONTACT, Outcome.REMOVE, EnumSet.of(ContactType.BILLING, ContactType.TECHNICAL)));
    }

    @Test
    void the_last_active_tenant_administrator_stays_and_a_successor_must_administer_the_tenant_already() {
        assertThat(previewAs(world.max, world.lea, null)).filteredOn(i -> i.organizationId() == world.tenantT)
                .extracting(ReplacementItem::place, ReplacementItem::role, ReplacementItem::refusal)
                .containsExactly(tuple(Place.TENANT_ADMINISTRATOR, MembershipRole.TENANT_ADMINISTRATOR,
                        Refusal.LAST_ACTIVE_ADMINISTRATOR));
        assertThat(previewAs(world.max, world.lea, world.sam)).filteredOn(i -> i.organizationId() == world.tenantT)
                .extracting(ReplacementItem::refusal).containsExactly(Refusal.SUCCESSOR_NOT_ACTIVE_ADMINISTRATOR);

        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(world.sam), world.tenantT,
                MembershipRole.TENANT_ADMINISTRATOR);
        assertThat(previewAs(world.max, world.lea, world.sam)).filteredOn(i -> i.organizationId() == world.tenantT)
                .extracting(ReplacementItem::outcome).containsExactly(Outcome.REPLACE);
        assertThat(previewAs(world.max, world.lea, null)).filteredOn(i -> i.organizationId() == world.tenantT)
                .extracting(ReplacementItem::outcome).containsExactly(Outcome.REMOVE);
    }

    @Test
    void a_contact_goes_to_a_successor_only_where_the_successor_is_a_user_or_a_contact_already() {
        assertThat(previewAs(world.max, world.lea, world.sam))
                .filteredOn(i -> i.place() == Place.CONTACT).singleElement()
                .satisfies(item -> assertThat(item.refusal()).isEqualTo(Refusal.SUCCESSOR_UNKNOWN_HERE));

        contacts.importContact(TestTasks.setUp(), world.accountD, null, "Sam", "Successor", world.sam, null, null,
                EnumSet.of(ContactType.BUSINESS));
        assertThat(previewAs(world.max, world.lea, world.sam))
                .filteredOn(i -> i.place() == Place.CONTACT).singleElement()
                .satisfies(item -> assertThat(item.outcome()).isEqualTo(Outcome.REPLACE));
    }

    @Test
    void partner_administrators_are_removed_by_a_legal_representative_only() {
        assertThat(previewAs(world.partner.legalEmail(), world.lea, null))
                .extracting(ReplacementItem::organizationId, ReplacementItem::place, ReplacementItem::role,
                        ReplacementItem::outcome)
                .containsExactly(tuple(world.partner.id(), Place.PARTNER_STAFF, MembershipRole.PARTNER_ADMINISTRATOR,
                        Outcome.REMOVE));
        assertThat(previewAs(world.partner.adminEmail(), world.lea, null))
                .extracting(ReplacementItem::refusal).containsExactly(Refusal.RIGHT_MISSING);
    }

    @Test
    void places_where_the_acting_person_may_change_nothing_are_never_listed() {
        assertThat(previewAs(world.max, world.lea, world.sam)).extracting(ReplacementItem::organizationId)
                .doesNotContain(world.accountC, world.partner.id())
                .contains(world.accountA, world.accountB, world.accountD, world.tenantT);
        // Olga manages C only: Lea's other places stay unknown to her
        assertThat(previewAs(world.olga, world.lea, null)).extracting(ReplacementItem::organizationId)
                .containsOnly(world.accountC);
    }

    @Test
    void an_address_with_places_only_elsewhere_gets_the_same_empty_answer_as_one_that_names_nobody() {
        String stranger = fixtures.person("Stranger");
        List<Long> answers = fixtures.as(stranger, () -> {
            List<Long> counts = new ArrayList<>();
            for (String leaving : List.of(world.lea, "nobody-" + world.tag + "@example.test")) {
                PreparedReplacement answer = replacement.prepare(leaving, world.sam);
                counts.add(answer.places() + answer.replaceable() + answer.removable() + answer.refused());
                counts.add(replacement.count(answer.id()));
            }
            return counts;
        });

        assertThat(answers).containsOnly(0L);
    }

    @Test
    void each_place_carries_the_version_of_what_it_names() {
        jdbc.update("update contact set job_title = 'Changed' , version = version + 1 where id = ?",
                world.leaContactInD);
        List<ReplacementItem> items = previewAs(world.max, world.lea, null);

        long accountVersion = jdbc.queryForObject("select version from customer_account where organization_id = ?",
                Long.class, world.accountD);
        long contactVersion = jdbc.queryForObject("select version from contact where id = ?", Long.class,
                world.leaContactInD);
        assertThat(items).filteredOn(i -> i.place() == Place.DEPUTY).singleElement()
                .satisfies(i -> assertThat(i.version()).isEqualTo(accountVersion));
        assertThat(items).filteredOn(i -> i.place() == Place.CONTACT).singleElement()
                .satisfies(i -> assertThat(i.version()).isEqualTo(contactVersion).isPositive());
    }

    @Test
    void a_person_in_hundreds_of_accounts_is_counted_and_paged_in_the_database() {
        String leaving = fixtures.person("Leaving");
        long leavingId = fixtures.userIdOf(leaving);
        int accounts = 2 * PersonReplacement.CHUNK + 50;
        String many = fixtures.managerOfMany(accounts,
                account -> onboarding.grant(TestTasks.setUp(), leavingId, account, MembershipRole.MANAGER));

        PreparedReplacement prepared = fixtures.as(many, () -> replacement.prepare(leaving, null));

        assertThat(prepared.places()).isEqualTo(accounts);
        assertThat(prepared.removable()).isEqualTo(accounts);
        List<ReplacementItem> all = new ArrayList<>();
        fixtures.as(many, () -> {
            assertThat(replacement.count(prepared.id())).isEqualTo(accounts);
            for (int page = 0; page * 100 < accounts; page++) {
                SqlStatements.reset();
                all.addAll(replacement.items(prepared.id(), PageRequest.of(page, 100)));
                // the owner check and the page: the same two statements for any page of any preview
                assertThat(SqlStatements.count()).isLessThanOrEqualTo(2);
            }
        });
        assertThat(all).hasSize(accounts).extracting(ReplacementItem::organizationId).doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void someone_elses_preview_and_an_unknown_one_are_refused_alike_and_audited() {
        PreparedReplacement mine = fixtures.as(world.max, () -> replacement.prepare(world.lea, world.sam));
        long deniedBefore = denials(world.olga);

        fixtures.as(world.olga, () -> {
            assertThatThrownBy(() -> replacement.count(mine.id())).isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> replacement.items(mine.id(), PageRequest.of(0, 10)))
                    .isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> replacement.count(Long.MAX_VALUE)).isInstanceOf(AccessRefused.class);
        });

        assertThat(denials(world.olga)).isEqualTo(deniedBefore + 3);
    }

    @Test
    void a_new_preview_takes_the_place_of_the_earlier_one() {
        PreparedReplacement first = fixtures.as(world.max, () -> replacement.prepare(world.lea, world.sam));
        PreparedReplacement second = fixtures.as(world.max, () -> replacement.prepare(world.lea, null));

        assertThat(jdbc.queryForObject("select count(*) from person_replacement where id = ?", Long.class,
                first.id())).isZero();
        assertThat(fixtures.as(world.max, () -> replacement.count(second.id()))).isEqualTo(second.places());
    }

    @Test
    void addresses_are_checked_next_to_their_fields() {
        fixtures.as(world.max, () -> {
            assertThatThrownBy(() -> replacement.prepare("", world.sam)).isInstanceOfSatisfying(InvalidInput.class,
                    refused -> assertThat(refused.field()).isEqualTo("leaving"));
            assertThatThrownBy(() -> replacement.prepare("not an address", null))
                    .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("leaving"));
            assertThatThrownBy(() -> replacement.prepare(world.lea, "lea\u202e@example.test"))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            refused -> assertThat(refused.field()).isEqualTo("successor"));
            assertThatThrownBy(() -> replacement.prepare(world.lea, world.lea.toUpperCase()))
                    .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                        assertThat(refused.field()).isEqualTo("successor");
                        assertThat(refused.messageKey()).isEqualTo("replace.successor-is-leaving");
                    });
        });
    }

    private List<ReplacementItem> previewAs(String actor, String leaving, String successor) {
        return fixtures.as(actor, () -> {
            PreparedReplacement prepared = replacement.prepare(leaving, successor);
            List<ReplacementItem> items = replacement.items(prepared.id(), PageRequest.of(0, 500));
            assertThat(items).hasSize((int) prepared.places());
            return items;
        });
    }

    private long denials(String email) {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ?",
                Long.class, email);
    }
}
