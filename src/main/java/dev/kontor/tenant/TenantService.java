package dev.kontor.tenant;

import dev.kontor.user.Callers;
import dev.kontor.access.AccessSessions;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.organization.TenantStructure;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating tenants and keeping their profile: type, version, character set, logo and settings. Rights come from
 * {@link OrganizationAccess}: MANAGE_TENANTS below the master to create, in the tenant to change it, VIEW to read.
 */
@Service
@Transactional
public class TenantService {

    static final String TENANT_CREATED = "TENANT_CREATED";
    static final String TENANT_LOGIN = "TENANT_LOGIN";
    static final String TENANT_LOGO_CHANGED = "TENANT_LOGO_CHANGED";
    static final String TENANT_SETTINGS_CHANGED = "TENANT_SETTINGS_CHANGED";

    private final TenantStructure structure;
    private final TenantRepository tenants;
    private final TenantLogoRepository logos;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final MembershipAdministration memberships;
    private final AccessSessions accessSessions;
    private final AuditLog auditLog;
    private final Clock clock;

    private final Callers callers;

    TenantService(TenantStructure structure, TenantRepository tenants, TenantLogoRepository logos,
                  OrganizationAccess access, OrganizationService organizations,
                  MembershipAdministration memberships, AccessSessions accessSessions, AuditLog auditLog,
                  Clock clock, Callers callers) {
        this.callers = callers;
        this.structure = structure;
        this.tenants = tenants;
        this.logos = logos;
        this.access = access;
        this.organizations = organizations;
        this.memberships = memberships;
        this.accessSessions = accessSessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates a tenant below the master tenant. Everything is checked before anything is stored: a refused logo or
     * a taken name leaves no trace but the message.
     */
    public TenantDetails create(NewTenant request) {
        if (request.masterId() == null) {
            throw new InvalidInput("master", "validation.required");
        }
        access.requireBelow(request.masterId(), OrganizationRight.MANAGE_TENANTS, AuditSummary.action("create-tenant"));
        if (request.type() == null) {
            throw new InvalidInput("type", "validation.required");
        }
        if (request.edition() == null) {
            throw new InvalidInput("edition", "validation.required");
        }
        String characterSet = characterSetFor(request.type(), request.characterSet());
        String name = TextRules.organizationName("name", request.name(), dev.kontor.organization.Organization.NAME_MAX_LENGTH);
        CheckedLogo logo = request.logo() == null || request.logo().length == 0 ? null : LogoCheck.check(request.logo());
        OrganizationSummary created = structure.createTenant(request.masterId(), name);
        tenants.save(new Tenant(created.id(), request.type(), request.edition(), characterSet));
        if (logo != null) {
            logos.save(new TenantLogo(created.id(), logo, clock.instant()));
        }
        auditLog.record(AuditEntry.change(TENANT_CREATED, created.id(),
                AuditSummary.of("tenant-created", name),
                null, request.type() + ", " + request.edition() + ", " + characterSet
                        + (logo == null ? "" : ", logo " + logo.mediaType())));
        tenants.flush();
        return details(created.id());
    }

    @Transactional(readOnly = true)
    public TenantDetails details(long tenantId) {
        requireTenant(tenantId, AuditSummary.action("read-tenant"));
        return describe(tenantId);
    }

    /**
     * Opens the tenant for work in this browser tab ("Log in"), in the role the person holds above it; audited.
     * When they work for a customer (an access session of another tab), the session comes along.
     */
    public TenantDetails logIn(long tenantId, Long accessSessionId) {
        // only a session for the customer whose tree holds this tenant comes along; any other id is ignored
        if (accessSessionId != null && accessSessions.customerOf(accessSessionId)
                .filter(customer -> access.pathOf(tenantId).map(path -> path.contains(customer)).orElse(false))
                .isPresent()) {
            accessSessions.continueInThisTab(accessSessionId);
        }
        requireTenant(tenantId, AuditSummary.action("log-in-to-tenant"));
        TenantDetails details = describe(tenantId);
        WorkingRole workingAs = details.workingAs();
        auditLog.record(AuditEntry.success(TENANT_LOGIN, tenantId, workingAs.role() == null
                ? AuditSummary.of("tenant-logged-in-as-partner", details.name(), workingAs.heldIn())
                : AuditSummary.of("tenant-logged-in", details.name(),
                        AuditSummary.term("membership.role." + workingAs.role()), workingAs.heldIn())));
        return details;
    }

    @Transactional(readOnly = true)
    public Optional<CheckedLogo> logo(long tenantId) {
        access.require(tenantId, OrganizationRight.VIEW, AuditSummary.action("read-tenant-logo"));
        return logos.findById(tenantId).map(TenantLogo::toChecked);
    }

    /** Replaces the logo (or removes it, with null): only content that passes {@link LogoCheck} is stored. */
    public void changeLogo(long tenantId, byte[] upload) {
        access.require(tenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("change-tenant-logo"));
        tenantProfile(tenantId);
        Optional<TenantLogo> current = logos.findById(tenantId);
        if (upload == null) {
            current.ifPresent(logo -> {
                logos.delete(logo);
                auditLog.record(AuditEntry.change(TENANT_LOGO_CHANGED, tenantId,
                        AuditSummary.of("tenant-logo-removed"), logo.getSha256(), null));
            });
            return;
        }
        CheckedLogo checked = LogoCheck.check(upload);
        String before = current.map(TenantLogo::getSha256).orElse(null);
        current.ifPresentOrElse(logo -> logo.replace(checked, clock.instant()),
                () -> logos.save(new TenantLogo(tenantId, checked, clock.instant())));
        auditLog.record(AuditEntry.change(TENANT_LOGO_CHANGED, tenantId,
                AuditSummary.of("tenant-logo-changed", checked.mediaType(), checked.width(), checked.height()),
                before, checked.sha256()));
    }

    /** Changes the settings that Copy content hands down; refused when someone else changed them meanwhile. */
    public void changeSettings(long tenantId, TenantSettings settings, long expectedProfileVersion) {
        access.require(tenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("change-tenant-settings"));
        TenantSettings checked = checked(settings);
        Tenant tenant = tenantProfile(tenantId);
        if (tenant.getVersion() != expectedProfileVersion) {
            throw new StaleData();
        }
        TenantSettings before = tenant.settings();
        if (tenant.apply(checked) > 0) {
            auditLog.record(AuditEntry.change(TENANT_SETTINGS_CHANGED, tenantId, AuditSummary.of("tenant-settings"),
                    before.toString(), checked.toString()));
        }
    }

    static TenantSettings checked(TenantSettings settings) {
        String language = TextRules.trimToNull(settings.defaultLanguage());
        if (language != null && SupportedLanguages.ALL.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw new InvalidInput("defaultLanguage", "tenant.settings.language.invalid");
        }
        String zone = TextRules.trimToNull(settings.timeZone());
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException unknown) {
                throw new InvalidInput("timeZone", "tenant.settings.time-zone.invalid");
            }
        }
        String sender = TextRules.optionalName("senderName", settings.senderName(), TenantSettings.SENDER_NAME_MAX_LENGTH);
        return new TenantSettings(language, zone, sender);
    }

    /**
     * Refuses, audited, whoever may not see the tenant, and as well an id that names an organization of another kind:
     * the person gets the same answer as for an id that names nothing, not a hint to reload or what the id is.
     */
    private void requireTenant(long tenantId, AuditSummary.Term attempted) {
        access.require(tenantId, OrganizationRight.VIEW, attempted);
        if (organizations.summary(tenantId).kind() != OrganizationKind.TENANT) {
            auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", tenantId,
                    AuditSummary.of("refused-not-a-tenant", attempted)));
            throw new AccessRefused();
        }
    }

    private TenantDetails describe(long tenantId) {
        OrganizationSummary summary = organizations.summary(tenantId);
        if (summary.kind() != OrganizationKind.TENANT) {
            throw new RuleViolation("tenant.not-a-tenant");
        }
        Tenant tenant = tenantProfile(tenantId);
        String logoVersion = logos.findById(tenantId).map(TenantLogo::getSha256).orElse(null);
        var path = access.pathOf(tenantId).orElseThrow().nodes();
        long masterId = path.get(path.size() - 2).id();
        OrganizationSummary master = organizations.describe(callers.taskFor("tenants"), masterId).orElseThrow();
        int administrators = (int) memberships.members(tenantId, MembershipRole.TENANT_ADMINISTRATOR).stream()
                .filter(member -> member.state() == MembershipState.ACTIVE).count();
        return new TenantDetails(tenantId, summary.name(), tenant.getType(), tenant.getEdition(),
                tenant.getCharacterSet(), tenant.isNeedsConfiguration(), logoVersion, master, administrators,
                tenant.settings(), tenant.getVersion(), workingRole(tenantId),
                access.may(tenantId, OrganizationRight.MANAGE_TENANTS),
                path.stream().anyMatch(node -> node.kind() == OrganizationKind.CUSTOMER));
    }

    private WorkingRole workingRole(long tenantId) {
        var session = accessSessions.current();
        if (session.isPresent()) {
            return new WorkingRole(null, session.get().partnerName());
        }
        return access.membershipFor(tenantId)
                .map(held -> new WorkingRole(held.role(), organizations.describe(
                        callers.taskFor("tenants"), held.organizationId()).orElseThrow().label()))
                .orElseGet(() -> new WorkingRole(null, ""));
    }

    private Tenant tenantProfile(long tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new RuleViolation("tenant.not-a-tenant"));
    }

    private static String characterSetFor(TenantType type, String requested) {
        if (type == TenantType.STANDARD) {
            if (requested != null && !requested.isBlank() && !CharacterSets.UTF_8.equals(requested)) {
                throw new InvalidInput("characterSet", "tenant.charset.standard-utf8");
            }
            return CharacterSets.UTF_8;
        }
        if (requested == null || !CharacterSets.isChoice(requested)) {
            throw new InvalidInput("characterSet", "tenant.charset.choose");
        }
        return requested;
    }
}
