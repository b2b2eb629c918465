package dev.kontor.security;

import dev.kontor.user.TestTasks;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.MasterData;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.TestRequests;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.ContentCopies;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data the isolation matrix attacks, and the people who attack it. The victim is a partner with a customer
 * account below it (managers, an invited manager, a contact, a partnership granting VIEW, MANAGE_USERS and
 * MANAGE_CONTACTS but not MANAGE_TENANTS, an assigned employee in an open access session, a pending request of
 * another partner), two sibling tenants of that account with their own administrators, and a content copy. Every
 * name and address carries a unique tag, so that the leak check can look for them in whatever an attacker is shown.
 */
final class MatrixWorld {

    /** An id that names nothing: far beyond what any test creates, but an ordinary positive number. */
    static final long UNKNOWN_ID = 987_654_321L;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Every name and e-mail address of the victim's organizations and people, with the attackers who know it by
     * right (their own, their colleagues', their own partner's or customer's): it may reach no other attacker.
     */
    final Map<String, Set<Attacker>> secrets = new LinkedHashMap<>();

    final long provider;
    final long partner;
    final long customer;
    final String customerNumber;
    final long relationship;
    final long pendingRequest;
    final String pendingRequestToken;
    final long managerMembership;
    final long invitedMembership;
    final long managerUser;
    final long assignedEmployeeUser;
    final long tenant;
    final long siblingTenant;
    final long subTenant;
    final long tenantAdministratorMembership;
    /** A manager and a tenant administrator whom the partner invited and who wait for the customer's approval. */
    final long waitingMembership;
    final long waitingTenantMembership;
    final long contact;
    final long copy;
    final long accessSession;
    final long notice;

    final String otherManager;
    final String unassignedEmployee;
    final String otherPartnerAdministrator;
    final String siblingTenantAdministrator;
    final String partnerAdministrator;

    /** The victim's first manager, the contact person: entitled to everything in the account. */
    final String manager;

    private final Map<Attacker, String> standIns = new java.util.EnumMap<>(Attacker.class);
    private final JdbcTemplate jdbc;
    private final OrganizationOnboarding onboarding;

    MatrixWorld(ApplicationContext context) {
        jdbc = context.getBean(JdbcTemplate.class);
        Fixtures fixtures = context.getBean(Fixtures.class);
        onboarding = context.getBean(OrganizationOnboarding.class);
        UserAccountService users = context.getBean(UserAccountService.class);
        PartnerProvisioning partnerships = context.getBean(PartnerProvisioning.class);
        TenantProvisioning tenants = context.getBean(TenantProvisioning.class);
        ContactProvisioning contacts = context.getBean(ContactProvisioning.class);
        AccountProvisioning accounts = context.getBean(AccountProvisioning.class);

        // a provider of its own, so that tests that count the demo provider's customers are not disturbed; support
        // staff work across providers
        provider = onboarding.createProvider(TestTasks.setUp(), "Victim Provider " + tag).getId();
        // the partner and its people are known to its own employees and administrator
        Attacker[] partnerSide = {Attacker.UNASSIGNED_PARTNER_EMPLOYEE, Attacker.PARTNER_OUTSIDE_ACCESS_SESSION};
        Organization partnerOrganization = onboarding.createPartner(TestTasks.setUp(),
                secret("Victim Partner " + tag, partnerSide), provider);
        partner = partnerOrganization.getId();
        partnerAdministrator = person(fixtures, "Vpadmin", partner, MembershipRole.PARTNER_ADMINISTRATOR,
                partnerSide);
        person(fixtures, "Vplegal", partner, MembershipRole.LEGAL_REPRESENTATIVE, partnerSide);
        String assignedEmployee = person(fixtures, "Vpassigned", partner, MembershipRole.PARTNER_EMPLOYEE,
                partnerSide);
        assignedEmployeeUser = fixtures.userIdOf(assignedEmployee);
        unassignedEmployee = fixtures.person("Unassigned");
        grant(fixtures, unassignedEmployee, partner, MembershipRole.PARTNER_EMPLOYEE);

        Organization account = onboarding.createCustomer(TestTasks.setUp(), secret("Victim Customer " + tag,
                Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, Attacker.OTHER_PARTNERS_ADMINISTRATOR),
                partner);
        customer = account.getId();
        customerNumber = account.getCustomerNumber().orElseThrow().value();
        String firstManager = person(fixtures, "Vmanagerone", customer, MembershipRole.MANAGER,
                Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, Attacker.OTHER_PARTNERS_ADMINISTRATOR);
        manager = firstManager;
        String secondManager = person(fixtures, "Vmanagertwo", customer, MembershipRole.MANAGER);
        managerUser = fixtures.userIdOf(secondManager);
        managerMembership = membershipOf(managerUser, customer);
        // the victim manager has a second factor, so that a reset an attacker got through would show in its tables
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) values (?, ?, ?, ?)",
                managerUser, "sealed", java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
        String invited = secret("vinvited-" + tag + "@example.test");
        UserAccount user = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(invited),
                secret("Vinvited " + tag),
                null);
        onboarding.invite(TestTasks.setUp(), user.getId(), customer, MembershipRole.MANAGER);
        long invitedUser = user.getId();
        invitedMembership = membershipOf(invitedUser, customer);
        accounts.importMasterData(TestTasks.setUp(), customer, new MasterData(secret("Victim Customer " + tag),
                secret("Geheimweg " + tag), "12345", secret("Geheimstadt" + tag), "DE",
                secret("billing-" + tag + "@example.test"), "+49 30 1234567"));
        relationship = partnerships.importActiveRelationship(TestTasks.setUp(), partner, customer,
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS, OrganizationRight.MANAGE_CONTACTS),
                firstManager, fixtures.userIdOf(firstManager));
        partnerships.importAssignment(TestTasks.setUp(), partner, customer, assignedEmployeeUser);
        contact = contacts.importContact(TestTasks.setUp(), customer, null, secret("Vcontactfirst" + tag),
                secret("Vcontactlast" + tag), secret("vcontact-" + tag + "@example.test"), "+49 30 7654321",
                "Technician", EnumSet.of(ContactType.TECHNICAL));

        tenant = tenants.importTenant(TestTasks.setUp(), customer, secret("Victim Tenant One " + tag,
                        Attacker.SIBLING_TENANTS_ADMINISTRATOR),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        siblingTenant = tenants.importTenant(TestTasks.setUp(), customer, secret("Victim Tenant Two " + tag),
                TenantType.STANDARD, Edition.PROFESSIONAL, CharacterSets.UTF_8,
                new TenantSettings("de", "Europe/Berlin", secret("Sender" + tag))).getId();
        subTenant = tenants.importTenant(TestTasks.setUp(), siblingTenant, secret("Victim Tenant Below " + tag),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        siblingTenantAdministrator = person(fixtures, "Vtenantone", tenant, MembershipRole.TENANT_ADMINISTRATOR,
                Attacker.SIBLING_TENANTS_ADMINISTRATOR);
        String victimTenantAdministrator = person(fixtures, "Vtenanttwo", siblingTenant,
                MembershipRole.TENANT_ADMINISTRATOR);
        tenantAdministratorMembership = membershipOf(fixtures.userIdOf(victimTenantAdministrator), siblingTenant);
        waitingMembership = waitingForApproval(fixtures, "Vwaitingmanager", customer, MembershipRole.MANAGER,
                partnerSide);
        waitingTenantMembership = waitingForApproval(fixtures, "Vwaitingadmin", siblingTenant,
                MembershipRole.TENANT_ADMINISTRATOR, partnerSide);

        Fixtures.TestPartner other = fixtures.partner("Other Partner");
        otherPartnerAdministrator = other.adminEmail();
        TestRequests.Request request = context.getBean(TestRequests.class).request(other.id(), customer,
                firstManager, EnumSet.of(OrganizationRight.VIEW), null);
        pendingRequest = request.id();
        pendingRequestToken = request.token();

        // a neighbour: a customer of the same partner, whose manager attacks the victim's account
        Organization neighbour = onboarding.createCustomer(TestTasks.setUp(), "Neighbour " + tag, partner);
        otherManager = fixtures.person("Neighbour");
        grant(fixtures, otherManager, neighbour.getId(), MembershipRole.MANAGER);

        copy = fixtures.as(firstManager, () -> context.getBean(ContentCopies.class).start(subTenant, false)).copyId();
        // the second manager's preview of offboarding the first: its id is tried by everyone else
        fixtures.as(secondManager, () -> context.getBean(dev.kontor.replace.PersonReplacement.class)
                .prepare(firstManager, null));
        awaitCopy();
        accessSession = fixtures.as(assignedEmployee, () -> context.getBean(AccessSessions.class).start(partner,
                new CustomerNumber(customerNumber), "Ticket " + tag)).sessionId();
        notice = jdbc.queryForObject("select coalesce(max(id), " + UNKNOWN_ID + ") from platform_notice",
                Long.class);
    }

    /** The version of a row, for parameters that name the version the caller last saw. */
    long version(String table, long id) {
        String key = table.equals("customer_account") || table.equals("tenant") ? "organization_id" : "id";
        return jdbc.queryForObject("select version from " + table + " where " + key + " = ?", Long.class, id);
    }

    /** Organization ids of the victim, for the version snapshot. */
    List<Long> organizations() {
        return List.of(provider, partner, customer, tenant, siblingTenant, subTenant);
    }

    /**
     * For the matrix's test of itself: someone entitled stands in for an attacker, and every attempt of theirs must
     * be reported.
     */
    void standIn(Attacker attacker, String email) {
        standIns.put(attacker, email);
    }

    String emailOf(Attacker attacker) {
        if (standIns.containsKey(attacker)) {
            return standIns.get(attacker);
        }
        return switch (attacker) {
            case OTHER_MANAGER -> otherManager;
            case UNASSIGNED_PARTNER_EMPLOYEE -> unassignedEmployee;
            case OTHER_PARTNERS_ADMINISTRATOR -> otherPartnerAdministrator;
            case SIBLING_TENANTS_ADMINISTRATOR -> siblingTenantAdministrator;
            case SUPPORT -> DemoPeople.SUPPORT;
            case PARTNER_OUTSIDE_ACCESS_SESSION -> partnerAdministrator;
            case ANONYMOUS -> null;
        };
    }

    private String secret(String text, Attacker... knownTo) {
        secrets.put(text, Set.of(knownTo));
        return text;
    }

    private String person(Fixtures fixtures, String name, long organization, MembershipRole role,
                          Attacker... knownTo) {
        String email = fixtures.person(name + tag);
        secret(email, knownTo);
        secret(name + tag, knownTo);
        grant(fixtures, email, organization, role);
        return email;
    }

    private void grant(Fixtures fixtures, String email, long organization, MembershipRole role) {
        long user = fixtures.userIdOf(email);
        onboarding.grant(TestTasks.setUp(), user, organization, role);
    }

    /**
     * A person the partner invited (inside an access session, say) who has accepted and waits for approval: set up in
     * the table as the invitation and the acceptance leave it, the partner known as the inviter.
     */
    private long waitingForApproval(Fixtures fixtures, String name, long organization, MembershipRole role,
                                    Attacker... knownTo) {
        String email = fixtures.person(name + tag);
        secret(email, knownTo);
        secret(name + tag, knownTo);
        long user = fixtures.userIdOf(email);
        onboarding.invite(TestTasks.setUp(), user, organization, role);
        long membership = membershipOf(user, organization);
        jdbc.update("update membership set state = 'APPROVAL_PENDING', invited_by_partner_id = ? where id = ?",
                partner, membership);
        return membership;
    }

    private long membershipOf(long user, long organization) {
        return jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?", Long.class,
                user, organization);
    }

    private void awaitCopy() {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until) && "RUNNING".equals(jdbc.queryForObject(
                "select state from content_copy where id = ?", String.class, copy))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
