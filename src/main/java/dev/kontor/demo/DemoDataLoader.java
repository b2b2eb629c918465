package dev.kontor.demo;

import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.MasterData;
import dev.kontor.account.ServiceKind;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.security.SecondFactors;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on start when {@code kontor.demo-data.enabled} is true (the embedded default). It runs
 * once: when the first demo customer exists already, it adds nothing.
 */
@Component
@ConditionalOnBooleanProperty("kontor.demo-data.enabled")
class DemoDataLoader implements ApplicationRunner {

    /** Every demo person signs in with this password; the README lists the logins. */
    static final String DEMO_PASSWORD = "Kontor-Demo-2026!";

    /**
     * The authenticator secrets of the demo people who must have a second factor (provider staff) or enter
     * customers' accounts (the partner's people), published in the README beside the password, so that anyone trying
     * the demo can add them to an authenticator app and tests can compute the codes. The customers' people have none.
     */
    static final Map<String, String> DEMO_AUTHENTICATORS = Map.of(
            "support@kontor.test", "BJXQ5J5FAVRVSVEZOSWBMLMTJVCI6V2N",
            "operator@kontor.test", "VSLXYFS6JY6KZL42SKS2YXBNRUZIW43F",
            "legal@muster-hosting.test", "XALDV2TBTWERB3KLU34QXFUYCVH4NDXG",
            "admin@muster-hosting.test", "LCWQE2QPQXVWTVIAVD2T77LD2SAQMFFO",
            "employee@muster-hosting.test", "RSASL7ZQ6NAQFEHTMXYN646SJTY3TLTK");

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final OrganizationOnboarding onboarding;
    private final UserAccountService users;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final AccountProvisioning accounts;
    private final PartnerProvisioning partners;
    private final TenantProvisioning tenants;
    private final ContactProvisioning contacts;
    private final SecondFactors secondFactors;
    /** Demo data is the application's own work, started by nobody. */
    private final Caller.Task task;

    DemoDataLoader(OrganizationOnboarding onboarding, UserAccountService users, PasswordEncoder passwordEncoder,
                   TransactionTemplate transaction, AccountProvisioning accounts, PartnerProvisioning partners,
                   TenantProvisioning tenants, ContactProvisioning contacts, SecondFactors secondFactors,
                   Callers callers) {
        this.task = callers.task("demo-data");
        this.secondFactors = secondFactors;
        this.onboarding = onboarding;
        this.contacts = contacts;
        this.tenants = tenants;
        this.accounts = accounts;
        this.partners = partners;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (onboarding.findCustomer(task, new CustomerNumber("CN-10001")).isPresent()) {
                log.info("Demo data present already; nothing added");
                return;
            }
            load();
            log.info("Demo data loaded; every demo person signs in with the demo password from the README");
        });
    }

    private void load() {
        String passwordHash = passwordEncoder.encode(DEMO_PASSWORD);

        Organization provider = onboarding.createProvider(task, "Kontor Platform");
        withAuthenticator("support@kontor.test",
                person("support@kontor.test", "Sophie Stern", passwordHash, provider, MembershipRole.SUPPORT));
        withAuthenticator("operator@kontor.test", person("operator@kontor.test", "Olga Ortmann", passwordHash,
                provider, MembershipRole.PROVIDER_ADMINISTRATOR));

        Organization partner = onboarding.createPartner(task, "Muster Hosting GmbH", provider.getId());
        withAuthenticator("legal@muster-hosting.test", person("legal@muster-hosting.test", "Lea Lehmann",
                passwordHash, partner, MembershipRole.LEGAL_REPRESENTATIVE));
        withAuthenticator("admin@muster-hosting.test", person("admin@muster-hosting.test", "Adrian Albers",
                passwordHash, partner, MembershipRole.PARTNER_ADMINISTRATOR));
        long employee = person("employee@muster-hosting.test", "Emil Engel", passwordHash, partner,
                MembershipRole.PARTNER_EMPLOYEE);
        withAuthenticator("employee@muster-hosting.test", employee);
        contacts.importContact(task, partner.getId(), null, "Noah", "Notdienst", "noc@muster-hosting.test",
                "+49 40 555 0190", "Network operations centre", EnumSet.of(ContactType.TECHNICAL));
        contacts.importContact(task, partner.getId(), null, "Berta", "Buchhaltung", "buchhaltung@muster-hosting.test",
                "+49 40 555 0100", "Accounting", EnumSet.of(ContactType.BILLING));

        Organization baeckerei = customer("Bäckerei Sonnenschein", partner, "CN-10001");
        long anna = person("anna@sonnenschein.test", "Anna Becker", passwordHash, baeckerei, MembershipRole.MANAGER);
        contacts.importContact(task, baeckerei.getId(), anna, "Anna", "Becker", "anna@sonnenschein.test",
                "+49 5251 123456", "Managing director", EnumSet.of(ContactType.BUSINESS));
        contacts.importContact(task, baeckerei.getId(), null, "Paul", "Pfeiffer", "it@sonnenschein.test",
                "+49 171 2345678", "IT service provider", EnumSet.of(ContactType.TECHNICAL));
        person("ben@sonnenschein.test", "Ben Schulz", passwordHash, baeckerei, MembershipRole.MANAGER);
        TenantSettings bakery = new TenantSettings("de", "Europe/Berlin", "Bäckerei Sonnenschein");
        Organization north = tenant(baeckerei, "Sonnenschein Filiale Nord", Edition.PROFESSIONAL, bakery);
        tenant(baeckerei, "Sonnenschein Filiale Süd", Edition.BASIC, TenantSettings.none());
        tenant(baeckerei, "Sonnenschein Online-Shop", Edition.ENTERPRISE, TenantSettings.none());
        tenant(north, "Sonnenschein Café am Markt", Edition.BASIC, TenantSettings.none());
        person("tom@sonnenschein.test", "Tom Tanner", passwordHash, north, MembershipRole.TENANT_ADMINISTRATOR);

        accounts.importMasterData(task, baeckerei.getId(), new MasterData(baeckerei.getName(), "Sonnenallee 12",
                "33098", "Paderborn", "DE", "buchhaltung@sonnenschein.test", "+49 5251 123456"));
        accounts.registerService(task, baeckerei.getId(), "Cluster C-1042", ServiceKind.CLUSTER);
        accounts.registerService(task, baeckerei.getId(), "Cluster C-1043", ServiceKind.CLUSTER);
        accounts.registerService(task, baeckerei.getId(), "Managed Backup", ServiceKind.PRODUCT);
        accounts.recordPaymentMethod(task, baeckerei.getId(), true);
        partners.importActiveRelationship(task, partner.getId(), baeckerei.getId(), EnumSet.of(OrganizationRight.VIEW,
                OrganizationRight.MANAGE_USERS, OrganizationRight.MANAGE_CONTACTS, OrganizationRight.MANAGE_TENANTS),
                "anna@sonnenschein.test", anna);

        // the partner's own templates, which its customers' tenants can take their settings from
        Organization templates = tenant(partner, "Muster Vorlagen", Edition.PROFESSIONAL,
                new TenantSettings("de", "Europe/Berlin", "Muster Hosting"));
        tenant(templates, "Vorlage Handel", Edition.BASIC, TenantSettings.none());
        tenant(templates, "Vorlage Gastronomie", Edition.BASIC, TenantSettings.none());

        Organization kanzlei = customer("Kanzlei Weber", partner, "CN-10002");
        long clara = person("clara@weber.test", "Clara Weber", passwordHash, kanzlei, MembershipRole.MANAGER);
        accounts.importMasterData(task, kanzlei.getId(), new MasterData(kanzlei.getName(), "Marktplatz 3", "20095",
                "Hamburg", "DE", "kanzlei@weber.test", null));
        accounts.registerService(task, kanzlei.getId(), "Cluster C-2001", ServiceKind.CLUSTER);
        // confirmed long ago, so that the demo shows an overdue confirmation
        accounts.importConfirmation(task, kanzlei.getId(), Instant.parse("2025-09-30T10:00:00Z"));
        partners.importActiveRelationship(task, partner.getId(), kanzlei.getId(), EnumSet.of(OrganizationRight.VIEW),
                "clara@weber.test", clara);
        partners.importAssignment(task, partner.getId(), kanzlei.getId(), employee);

        Organization nordlicht = customer("Nordlicht Reisen", provider, "CN-10003");
        person("dora@nordlicht.test", "Dora Nordmann", passwordHash, nordlicht, MembershipRole.MANAGER);
        contacts.importContact(task, nordlicht.getId(), null, "Jan", "Hansen", "technik@nordlicht.test",
                "0381 7654399", "Administrator", EnumSet.of(ContactType.TECHNICAL, ContactType.BILLING));
        accounts.importMasterData(task, nordlicht.getId(), new MasterData(nordlicht.getName(), "Hafenstraße 7",
                "18055", "Rostock", "DE", "rechnung@nordlicht.test", "+49 381 765432"));
        accounts.registerService(task, nordlicht.getId(), "Cluster C-3001", ServiceKind.CLUSTER);
        accounts.registerService(task, nordlicht.getId(), "Mail Pro", ServiceKind.PRODUCT);
    }

    private Organization tenant(Organization master, String name, Edition edition, TenantSettings settings) {
        return tenants.importTenant(task, master.getId(), name, TenantType.STANDARD, edition, CharacterSets.UTF_8,
                settings);
    }

    private Organization customer(String name, Organization parent, String expectedNumber) {
        Organization customer = onboarding.createCustomer(task, name, parent.getId());
        String number = customer.getCustomerNumber().map(CustomerNumber::value).orElseThrow();
        if (!number.equals(expectedNumber)) {
            log.warn("Demo customer {} got {} instead of {}: the database was not empty", name, number,
                    expectedNumber);
        }
        return customer;
    }

    /** Stored through the authenticator's own path: encrypted with the demo profile's key, like any other. */
    private void withAuthenticator(String email, long userId) {
        secondFactors.importAuthenticator(task, userId, DEMO_AUTHENTICATORS.get(email));
    }

    private long person(String email, String name, String passwordHash, Organization organization,
                        MembershipRole role) {
        UserAccount user = users.registerWithPasswordHash(task, new EmailAddress(email), name, passwordHash);
        onboarding.grant(task, user.getId(), organization.getId(), role);
        return user.getId();
    }
}
