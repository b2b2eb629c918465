package dev.kontor.tenant;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh partners, customer accounts, tenants and the people working in them, for the tenant tests. Everything gets
 * a unique name, because the test context and its database are shared by all test classes. Tenants are created on
 * the provider's behalf here (no rights checked); the tests call the services as the people they mean.
 */
@TestComponent
public final class TenantTestData {

    private final Fixtures fixtures;
    private final OrganizationOnboarding onboarding;
    private final PartnerProvisioning partnerships;
    private final TenantProvisioning tenants;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;

    public TenantTestData(Fixtures fixtures, OrganizationOnboarding onboarding, PartnerProvisioning partnerships,
                   TenantProvisioning tenants, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.fixtures = fixtures;
        this.onboarding = onboarding;
        this.partnerships = partnerships;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /** A partner with a legal representative, a partner administrator and a partner employee. */
    Partner partner() {
        TestPartner partner = fixtures.partner("Tenant Partner");
        String employee = fixtures.person("Employee");
        grant(employee, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
        return new Partner(partner.id(), partner.name(), partner.legalEmail(), partner.adminEmail(), employee);
    }

    /** A customer account below the partner with one active manager and an ACTIVE relationship granting these rights. */
    Customer customerOf(Partner partner, Set<OrganizationRight> rights) {
        Customer customer = customerBelow(partner.id());
        long relationship = partnerships.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                rights, customer.managerEmail(), fixtures.userIdOf(customer.managerEmail()));
        return new Customer(customer.id(), customer.number(), customer.name(), customer.managerEmail(), relationship);
    }

    /** A customer account below the partner without any relationship. */
    Customer customerBelow(long parentId) {
        String tag = tag();
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Customer " + tag, parentId);
        String manager = fixtures.person("Manager");
        grant(manager, customer.getId(), MembershipRole.MANAGER);
        return new Customer(customer.getId(), customer.getCustomerNumber().orElseThrow().value(), customer.getName(),
                manager, 0);
    }

    /** A customer account of its own (below a new provider), with one manager. */
    Customer customer() {
        var account = fixtures.account("Mona");
        return new Customer(account.id(), account.customerNumber(), "Customer " + account.tag(),
                account.email("Mona"), 0);
    }

    long tenant(long masterId, String name) {
        return tenant(masterId, name, TenantSettings.none());
    }

    long tenant(long masterId, String name, TenantSettings settings) {
        return tenants.importTenant(TestTasks.setUp(), masterId, name, TenantType.STANDARD, Edition.BASIC,
                CharacterSets.UTF_8, settings).getId();
    }

    /** A new person who is the tenant's active administrator; returns their e-mail address. */
    String tenantAdministrator(long tenantId) {
        String email = fixtures.person("Tadmin");
        grant(email, tenantId, MembershipRole.TENANT_ADMINISTRATOR);
        return email;
    }

    void grant(String email, long organizationId, MembershipRole role) {
        long userId = fixtures.userIdOf(email);
        onboarding.grant(TestTasks.setUp(), userId, organizationId, role);
    }

    /**
     * Adds {@code count} tenants directly below the parent in a few batched statements (the services would need
     * several statements per tenant): names "Bulk 00001" and up, each with its tenant profile.
     */
    void bulkTenants(long parentId, int count) {
        var parent = jdbc.queryForMap("select kind, ancestor_path, account_id from organization where id = ?",
                parentId);
        String path = parent.get("ancestor_path") + Long.toString(parentId) + "/";
        long accountId = "TENANT".equals(parent.get("kind")) ? ((Number) parent.get("account_id")).longValue()
                : parentId;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        inTransaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into organization (kind, name, parent_id, ancestor_path, account_id, sibling_key, "
                    + "created_at, version, search_key) values ('TENANT', ?, ?, ?, ?, ?, ?, 0, ?)", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    String name = "Bulk %05d".formatted(i + 1);
                    statement.setString(1, name);
                    statement.setLong(2, parentId);
                    statement.setString(3, path);
                    statement.setLong(4, accountId);
                    statement.setString(5, name.toLowerCase(java.util.Locale.ROOT));
                    statement.setObject(6, now);
                    statement.setString(7, dev.kontor.base.SearchKeys.fold(name));
                }

                @Override
                public int getBatchSize() {
                    return count;
                }
            });
            jdbc.update("insert into tenant (organization_id, tenant_type, edition, character_set, "
                    + "needs_configuration) select o.id, 'STANDARD', 'BASIC', 'UTF-8', FALSE from organization o "
                    + "where o.parent_id = ? and o.kind = 'TENANT' "
                    + "and not exists (select 1 from tenant t where t.organization_id = o.id)", parentId);
        });
    }

    /** How many tenants (organization rows and tenant profiles) hang directly below the node. */
    int tenantsBelow(long parentId) {
        int organizations = jdbc.queryForObject("select count(*) from organization where parent_id = ? "
                + "and kind = 'TENANT'", Integer.class, parentId);
        int profiles = jdbc.queryForObject("select count(*) from tenant t join organization o "
                + "on o.id = t.organization_id where o.parent_id = ?", Integer.class, parentId);
        if (organizations != profiles) {
            throw new AssertionError(organizations + " tenant organizations but " + profiles + " tenant profiles below "
                    + parentId);
        }
        return organizations;
    }

    String ancestorPath(long organizationId) {
        return jdbc.queryForObject("select ancestor_path from organization where id = ?", String.class,
                organizationId);
    }

    long version(long organizationId) {
        return jdbc.queryForObject("select version from organization where id = ?", Long.class, organizationId);
    }

    TenantSettings settings(long tenantId) {
        return jdbc.queryForObject("select default_language, time_zone, sender_name from tenant "
                        + "where organization_id = ?",
                (rs, row) -> new TenantSettings(rs.getString(1), rs.getString(2), rs.getString(3)), tenantId);
    }

    /** The audit events of a kind in one organization, oldest first. */
    List<AuditRow> audit(String kind, long organizationId) {
        return jdbc.query("select outcome, summary, old_value, new_value, actor_email, on_behalf_of_id "
                        + "from audit_event where kind = ? and organization_id = ? order by id",
                (rs, row) -> new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Long.class)), kind, organizationId);
    }

    int denials(long organizationId) {
        return audit("ACCESS_DENIED", organizationId).size();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x33, 0x66, 0x99));
        graphics.fillRect(0, 0, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A partner and the e-mail addresses of its legal representative, administrator and employee. */
    record Partner(long id, String name, String legalEmail, String adminEmail, String employeeEmail) {
    }

    /** A customer account, its manager and (if any) its relationship with a partner. */
    record Customer(long id, String number, String name, String managerEmail, long relationshipId) {
    }

    record AuditRow(String outcome, String summary, String oldValue, String newValue, String actorEmail,
                    Long onBehalfOfId) {
    }
}
