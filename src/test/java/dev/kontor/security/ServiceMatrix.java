package dev.kontor.security;

import static dev.kontor.security.ServiceMatrix.Scope.ACCOUNT;
import static dev.kontor.security.ServiceMatrix.Scope.PARTNER;
import static dev.kontor.security.ServiceMatrix.Scope.PROVIDER;
import static dev.kontor.security.ServiceMatrix.Scope.SESSION;
import static dev.kontor.security.ServiceMatrix.Scope.TENANT;
import static dev.kontor.security.ServiceMatrix.Scope.TOKEN;

import dev.kontor.access.AccessPolicyService;
import dev.kontor.api.ApiScope;
import dev.kontor.api.ApiTokens;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.account.MasterData;
import dev.kontor.account.ServiceKind;
import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditQueries;
import dev.kontor.audit.AuditSummary;
import dev.kontor.contact.ContactExport;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactRecipients;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.EmailChangePreview;
import dev.kontor.contact.NewContact;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationState;
import dev.kontor.notice.NoticeAudience;
import dev.kontor.notice.PlatformNotices;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationDirectory;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.ProviderMemberships;
import dev.kontor.organization.StaffFilter;
import dev.kontor.provider.ProviderStaff;

import dev.kontor.organization.OrganizationState;
import dev.kontor.organization.TenantStructure;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.NewCustomer;
import dev.kontor.partner.PartnerGrants;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.RelationshipState;
import dev.kontor.partner.RequestLinkState;
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.AccountChange;
import dev.kontor.provider.AccountFilter;
import dev.kontor.provider.NewAccount;
import dev.kontor.provider.NewPartner;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerFilter;
import dev.kontor.provider.ServiceAdministration;
import dev.kontor.support.SupportLookup;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.ContentCopies;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.NewTenant;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TenantType;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccountService;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service half of the isolation matrix: one line per public method of every public service bean, either an
 * attempt (what it acts on, read or write, and how it is called with the ids of an attempt) or an exemption with
 * its reason. {@link IsolationMatrixTest} fails for a public method that is in neither list, so a new method is
 * added here when it is written. Package-private beans are exempt as a whole (see {@link #EXEMPT_CLASSES}).
 */
final class ServiceMatrix {

    /** What an attempt acts on; it decides which attackers have no right to it. */
    enum Scope {
        /** The victim's customer account, its people, contacts, partnerships and settings. */
        ACCOUNT,
        /** The victim's partner organization (its own administrators and employees may act there). */
        PARTNER,
        /** A tenant of the victim's account (the sibling tenant's administrator attacks it). */
        TENANT,
        /** The platform provider (only provider administrators act there). */
        PROVIDER,
        /** The open access session of the victim's assigned partner employee. */
        SESSION,
        /** A link token in an e-mail: only the token is the authority, so only forged tokens are tried. */
        TOKEN
    }

    @FunctionalInterface
    interface Invocation {
        Object call(Targets targets) throws Exception;
    }

    /**
     * One method in the matrix. {@code systemOnly}: guarded by method security for the application itself, so it is
     * refused before any organization is looked at. {@code ownScope}: a read that answers from the caller's own scope
     * (nothing, for someone else's ids; not audited, as nothing was refused), with the reason. {@code entitled}:
     * attackers who legitimately may do this, with the reason.
     */
    record Entry(String signature, Scope scope, boolean write, boolean systemOnly, String ownScope,
                 Map<Attacker, String> entitled, Invocation invocation) {

        Entry withOwnScope(String reason) {
            return new Entry(signature, scope, write, systemOnly, reason, entitled, invocation);
        }

        Entry withEntitled(Attacker attacker, String reason) {
            Map<Attacker, String> more = new LinkedHashMap<>(entitled);
            more.put(attacker, reason);
            return new Entry(signature, scope, write, systemOnly, ownScope, more, invocation);
        }

        boolean takesText() {
            return signature.contains("String");
        }
    }

    /** Public methods that take no id of someone else's data, each with the reason. */
    static final Map<String, String> EXEMPT = new LinkedHashMap<>();
    /** Public bean classes exempt as a whole, with the reason; package-private beans are exempt without listing. */
    static final Map<String, String> EXEMPT_CLASSES = new LinkedHashMap<>();

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static {
        exempt("PersonReplacement.latestStarted()", "takes no id: the caller's own latest started replacement");
        exempt("AccessSessions.current()", "takes no id: the access session of the caller's own browser tab");
        exempt("InvitationLimit.take(Long)", "counts the caller's own invitations; the id only names the organization "
                + "in the audit entry of a refusal, and each inviting service checks the caller's right first");
        exempt("AccessSessions.endReason()", "takes no id: why the caller's own tab's session ended");
        exempt("AccessSessions.endNoticeDue(String)", "takes no id: whether the caller's own tab still shows its ended session");
        exempt("AccessSessions.leave()", "takes no id: leaves the caller's own tab's session");
        exempt("ServerErrorPages.customize(TomcatServletWebServerFactory)",
                "start-up configuration of the web server, called once by Spring Boot, never by a person");
        exempt("AccessSessions.justLeft()", "takes no id: the account the caller's own tab has just left, once");
        exempt("AccessSessions.endedWithTheirTabs()", "takes no id: the accounts whose sessions ended with a tab of the caller's own browser session that could not be recognized");
        exempt("AuditLog.record(AuditEntry)", "the audit trail itself: called by services after their own check, inside their transaction");
        exempt("AuditLog.record(Task,AuditEntry)", "the audit trail itself: called by system work after its own check, inside its transaction");
        exempt("AuditLog.recordIndependently(AuditEntry)", "the audit trail itself: records refusals the services have decided");
        exempt("AuditLog.recordSignInAttempt(AuditEntry,Long,String)", "the audit trail itself: records sign-in attempts for the sign-in filter");
        exempt("SecondFactors.status()", "takes no id: the caller's own second factor");
        exempt("SecondFactors.startSetUp()", "takes no id: the caller's own second factor");
        exempt("SecondFactors.finishSetUp(String)", "takes no id: the caller's own second factor (SecondFactorsTest)");
        exempt("SecondFactors.renewRecoveryCodes(String)", "takes no id: the caller's own second factor (SecondFactorsTest)");
        exempt("SecondFactors.turnOff(String)", "takes no id: the caller's own second factor (SecondFactorsTest)");
        exempt("SecondStep.pending(HttpServletRequest)", "takes no id: whether this browser's own session holds a password step");
        exempt("SecondStep.cancel(HttpServletRequest)", "takes no id: drops this browser's own password step");
        exempt("SecondStep.submit(HttpServletRequest,HttpServletResponse,String,boolean)", "takes no id: the code for this browser's own password step, throttled like a password (SecondStepTest)");
        exempt("SecondFactors.forgetBrowsers()", "takes no id: the caller's own remembered browsers");
        exempt("SecondFactors.confirmThisSignIn(String)", "takes no id: a code for the caller's own second factor, throttled (SecurityViewTest)");
        exempt("SecondFactors.importAuthenticator(Task,long,String)", "for the application only (a system task): the demo people's published authenticators");
        exempt("SecondStep.setUpReasons(HttpServletRequest)", "takes no id: why this browser's own pending sign-in must set up a second factor");
        exempt("SecondStep.startSetUp(HttpServletRequest)", "takes no id: begins the set-up of this browser's own pending sign-in (SetUpStepTest)");
        exempt("SecondStep.finishSetUp(HttpServletRequest,HttpServletResponse,String)", "takes no id: the code for this browser's own pending set-up, throttled like a password (SetUpStepTest)");
        exempt("SecondStep.stepWhileSignedIn(HttpServletRequest,HttpServletResponse)", "takes no id: asks the rules again for the signed-in person of this browser's own session (SecondFactorWhileSignedInTest)");
        exempt("SecondStep.askedWhileSignedIn(HttpServletRequest)", "takes no id: whether this browser's own pending set-up began while signed in");
        exempt("ApiTokens.issuers()", "takes no id: the organizations where the caller's own memberships let them issue tokens");
        exempt("ApiTokens.partnerSuspended()", "takes no id: whether the caller's own partner is suspended");
        exempt("AuditQueries.kindsInOwnLog()", "takes no id: the kinds in the caller's own readable log, scoped as rows() is");
        exempt("AuditQueries.readsEverything()", "takes no id: whether the caller's own scope is the whole log");
        exempt("ContactCopier.copy(long,List)", "runs only inside the transaction of a tenant creation that has checked access (MANDATORY propagation)");
        exempt("InvitationService.issue(InvitationPurpose,long,long)", "runs only inside the transaction of ManagerService or TenantAdministrators, which check access first (MANDATORY propagation)");
        exempt("InvitationService.issueBySystem(Task,InvitationPurpose,long,long,long)", "the first administrator's invitation: a system task only, and only inside the start-up's transaction that has just created the invited membership (MANDATORY propagation)");
        exempt("ProviderMemberships.lockAndCountActiveAdministrators(long)", "runs only inside the transaction of ProviderStaff, which checks that the caller administers the provider first (MANDATORY propagation; it checks ADMIN itself too)");

        exempt("InvitationService.issueOnProviderBehalf(Task,InvitationPurpose,long,long,long)", "for the application only (a system task), and only inside the transaction of PartnerAdministration, which checks the provider administrator first (MANDATORY propagation)");
        exempt("InvitationService.revokeOpenFor(long,long)", "runs only inside the transaction of ManagerService or TenantAdministrators, which check access first (MANDATORY propagation)");
        exempt("DevMailbox.newestFirst(Pageable)", "takes no id; exists only with the demo data (its own test covers who may read it)");
        exempt("MailOutbox.enqueue(MailMessage)", "takes no id: queues a message that the calling service composed after its own check");
        exempt("MailOutbox.enqueueAll(Collection)", "takes no id: queues messages that the calling service composed after its own check");
        exempt("PlatformNotices.recent(Pageable)", "takes no id: the provider administrator's own list (checked, and covered by PlatformNoticesView)");
        exempt("OrganizationAccess.pathOf(long)", "the access check's own helper: services call it after require(); no view passes it an id");
        exempt("OrganizationDirectory.administeredProvider()", "takes no id: the provider the caller administers");
        exempt("OrganizationDirectory.providersOfMine()", "takes no id: the providers above the caller's own organizations");
        exempt("OrganizationService.myOrganizations(Pageable)", "takes no id: acts on the caller's own memberships");
        exempt("OrganizationService.myOrganizationsOfKind(OrganizationKind)", "takes no id: acts on the caller's own memberships");
        exempt("OrganizationService.myMembershipsAwaitingApproval()", "takes no id: the caller's own memberships that wait for approval");

        exempt("OrganizationService.memberOfInactive(OrganizationKind)", "takes no id: whether the caller's own memberships include a suspended organization");
        exempt("PartnerService.myPartners()", "takes no id: acts on the caller's own partner memberships");
        exempt("PartnerGrants.describe(AccessStanding)", "takes no id: a standing that standing() granted the signed-in person (nobody else can make one)");
        exempt("PasswordPolicy.problemWith(String,Collection)", "takes no id: judges a password");
        exempt("PasswordPolicy.check(String,String,Collection)", "takes no id: judges a password");
        exempt("TenantTree.roots()", "takes no id: the roots of the caller's own tree");
        exempt("TenantTree.defaultMaster()", "takes no id: the caller's own default master");
        exempt("UserAccountService.findOrRegisterInvitee(EmailAddress,String)", "takes no organization id: the inviting services check access first");
        exempt("UserAccountService.findOrRegisterInvitee(Task,EmailAddress,String)", "takes no organization id, and a system task (the first start invites while nobody is signed in)");
        exempt("UserAccountService.rememberedLanguage()", "takes no id: the caller's own language");
        exempt("UserAccountService.rememberLanguage(Locale)", "takes no id: the caller's own language");
        EXEMPT_CLASSES.put("TenantDialogServices", "UI wiring (a record of services): its routes are in the route matrix");
        EXEMPT_CLASSES.put("LanguageSwitch", "UI component: takes no id");
        EXEMPT_CLASSES.put("CopyProgressBroadcaster", "only calls back that a copy may have advanced and hands out nothing: the page reads the progress through ContentCopies.progress(long)");
        EXEMPT_CLASSES.put("NoticeProgress", "only calls back that a notice may have changed and hands out nothing: the page reads through PlatformNotices.recent(Pageable)");
        EXEMPT_CLASSES.put("AccessWatch", "only calls back that an access session may have ended and hands out nothing: the page checks through AccessSessions.current()");
        EXEMPT_CLASSES.put("Callers", "takes no id and reads no organization: tells who is calling (decision 0010); the rights are checked by the services that ask it");
        EXEMPT_CLASSES.put("PartnershipChanges", "only calls back that a partnership may have changed and hands out nothing: pages check through the services");
    }

    ServiceMatrix(ApplicationContext context, String tag) {
        AccessPolicyService policies = context.getBean(AccessPolicyService.class);
        AccessSessions sessions = context.getBean(AccessSessions.class);
        AccountProvisioning accountProvisioning = context.getBean(AccountProvisioning.class);
        AccountService accounts = context.getBean(AccountService.class);
        ManagerService managers = context.getBean(ManagerService.class);
        AuditQueries audit = context.getBean(AuditQueries.class);
        ContactExport contactExport = context.getBean(ContactExport.class);
        ContactProvisioning contactProvisioning = context.getBean(ContactProvisioning.class);
        ContactRecipients recipients = context.getBean(ContactRecipients.class);
        ContactService contacts = context.getBean(ContactService.class);
        InvitationService invitations = context.getBean(InvitationService.class);
        PlatformNotices notices = context.getBean(PlatformNotices.class);
        MembershipAdministration memberships = context.getBean(MembershipAdministration.class);
        OrganizationAccess access = context.getBean(OrganizationAccess.class);
        dev.kontor.organization.SecondFactorPolicy secondFactorPolicy =
                context.getBean(dev.kontor.organization.SecondFactorPolicy.class);
        OrganizationDirectory directory = context.getBean(OrganizationDirectory.class);
        OrganizationOnboarding onboarding = context.getBean(OrganizationOnboarding.class);
        OrganizationService organizations = context.getBean(OrganizationService.class);
        ProviderMemberships providerMemberships = context.getBean(ProviderMemberships.class);
        ProviderStaff providerStaff = context.getBean(ProviderStaff.class);
        TenantStructure structure = context.getBean(TenantStructure.class);
        CustomerPartnerService customerPartners = context.getBean(CustomerPartnerService.class);
        ManagedCustomerService managedCustomers = context.getBean(ManagedCustomerService.class);
        ApiTokens apiTokens = context.getBean(ApiTokens.class);
        PartnerGrants grants = context.getBean(PartnerGrants.class);
        PartnerProvisioning partnerProvisioning = context.getBean(PartnerProvisioning.class);
        PartnerService partners = context.getBean(PartnerService.class);
        RelationshipAnswers answers = context.getBean(RelationshipAnswers.class);
        SupportLookup support = context.getBean(SupportLookup.class);
        ContentCopies copies = context.getBean(ContentCopies.class);
        TenantAdministrators tenantAdministrators = context.getBean(TenantAdministrators.class);
        TenantProvisioning tenantProvisioning = context.getBean(TenantProvisioning.class);
        TenantService tenants = context.getBean(TenantService.class);
        TenantTree tree = context.getBean(TenantTree.class);
        UserAccountService users = context.getBean(UserAccountService.class);
        SignInUnlocks unlocks = context.getBean(SignInUnlocks.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        PartnerAdministration partnerAdministration = context.getBean(PartnerAdministration.class);
        AccountAdministration accountAdministration = context.getBean(AccountAdministration.class);
        ServiceAdministration serviceAdministration = context.getBean(ServiceAdministration.class);
        dev.kontor.replace.PersonReplacement replacements = context.getBean(dev.kontor.replace.PersonReplacement.class);

        Pageable page = PageRequest.of(0, 50);
        Locale en = Locale.ENGLISH;
        String intruder = "intruder-" + tag + "@example.test";
        Set<OrganizationRight> all = EnumSet.allOf(OrganizationRight.class);
        MasterData hijacked = new MasterData("Hijacked " + tag, "Street 1", "12345", "City", "DE",
                intruder, null);
        NewContact planted = new NewContact(null, "Planted", "Contact", intruder, "+49 30 111111", "Spy",
                EnumSet.of(ContactType.TECHNICAL));
        AuditFilter auditOfVictim = new AuditFilter(null, null, null, "Victim Customer " + tag, null);

        // access
        read("AccessPolicyService.rulesOf(long)", ACCOUNT, t -> policies.rulesOf(t.account()));
        write("AccessPolicyService.change(long,boolean,boolean)", ACCOUNT, t -> {
            policies.change(t.account(), true, false);
            return null;
        });
        write("AccessSessions.start(long,CustomerNumber,String)", ACCOUNT,
                t -> sessions.start(t.partner(), t.number(), "Ticket 4711"))
                .entitled(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, "the partnership lets its administrator enter: this is the way in");
        read("AccessSessions.entrance(long,CustomerNumber)", ACCOUNT,
                t -> sessions.entrance(t.partner(), t.number()))
                .entitled(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, "asked on the way into an access session he may start");
        read("AccessSessions.customerOf(long)", SESSION, t -> sessions.customerOf(t.session()))
                .ownScope("names only the caller's own open sessions");
        read("AccessSessions.continueInThisTab(long)", SESSION, t -> sessions.continueInThisTab(t.session()))
                .ownScope("false for a session that is not the caller's");

        // customer accounts
        system("AccountProvisioning.registerService(Task,long,String,ServiceKind)", ACCOUNT, t -> {
            accountProvisioning.registerService(null, t.account(), "Planted " + tag, ServiceKind.PRODUCT);
            return null;
        });
        system("AccountProvisioning.addService(Task,long,String,ServiceKind)", ACCOUNT,
                t -> accountProvisioning.addService(null, t.account(), "Planted " + tag, ServiceKind.PRODUCT));
        system("AccountProvisioning.renameService(Task,long,long,long,String)", ACCOUNT, t -> {
            accountProvisioning.renameService(null, t.account(), t.account(), 0, "Planted " + tag);
            return null;
        });
        system("AccountProvisioning.endService(Task,long,long,long)", ACCOUNT, t -> {
            accountProvisioning.endService(null, t.account(), t.account(), 0);
            return null;
        });
        system("AccountProvisioning.servicesOf(Task,long)", ACCOUNT, t -> accountProvisioning.servicesOf(null, t.account()));
        system("AccountProvisioning.importMasterData(Task,long,MasterData)", ACCOUNT, t -> {
            accountProvisioning.importMasterData(null, t.account(), hijacked);
            return null;
        });
        system("AccountProvisioning.recordPaymentMethod(Task,long,boolean)", ACCOUNT, t -> {
            accountProvisioning.recordPaymentMethod(null, t.account(), false);
            return null;
        });
        system("AccountProvisioning.changeNameAndAddress(Task,long,long,String,String,String,String,String)", ACCOUNT,
                t -> {
                    accountProvisioning.changeNameAndAddress(null, t.account(), t.accountVersion(), "Planted " + tag, null,
                            null, null, null);
                    return null;
                });
        system("AccountProvisioning.recordChange(Task,long)", ACCOUNT, t -> {
            accountProvisioning.recordChange(null, t.account());
            return null;
        });
        system("AccountProvisioning.importConfirmation(Task,long,Instant)", ACCOUNT, t -> {
            accountProvisioning.importConfirmation(null, t.account(), Instant.EPOCH);
            return null;
        });
        read("AccountService.myAccounts(String,Pageable)", ACCOUNT, t -> accounts.myAccounts(t.searchText(), page))
                .ownScope("searches only the caller's own accounts");
        read("AccountService.details(CustomerNumber)", ACCOUNT, t -> accounts.details(t.number()));
        write("AccountService.updateMasterData(long,long,MasterData)", ACCOUNT, t -> {
            accounts.updateMasterData(t.account(), t.accountVersion(), hijacked);
            return null;
        });
        write("AccountService.changeContactPerson(long,long,long)", ACCOUNT, t -> {
            accounts.changeContactPerson(t.account(), t.accountVersion(), t.user());
            return null;
        });
        write("AccountService.changeDeputy(long,long,Long)", ACCOUNT, t -> {
            accounts.changeDeputy(t.account(), t.accountVersion(), t.user());
            return null;
        });
        write("AccountService.confirmContactData(long)", ACCOUNT, t -> {
            accounts.confirmContactData(t.account());
            return null;
        });
        write("ManagerService.addManager(long,String,String,Locale)", ACCOUNT, t -> {
            managers.addManager(t.account(), intruder, "Intruder", en);
            return null;
        });
        write("ManagerService.resendInvitation(long,long,Locale)", ACCOUNT, t -> {
            managers.resendInvitation(t.account(), t.invitedMembership(), en);
            return null;
        });
        write("ManagerService.deactivate(long,long,Locale)", ACCOUNT, t -> {
            managers.deactivate(t.account(), t.membership(), en);
            return null;
        });
        write("ManagerService.reactivate(long,long)", ACCOUNT, t -> {
            managers.reactivate(t.account(), t.membership());
            return null;
        });
        write("ManagerService.removeManagerRole(long,long,Locale)", ACCOUNT, t -> {
            managers.removeManagerRole(t.account(), t.membership(), en);
            return null;
        });
        write("ManagerService.approve(long,long)", ACCOUNT, t -> {
            managers.approve(t.account(), t.waitingMembership());
            return null;
        });
        write("ManagerService.refuse(long,long)", ACCOUNT, t -> {
            managers.refuse(t.account(), t.waitingMembership());
            return null;
        });
        read("ManagerService.approvals(long)", ACCOUNT, t -> managers.approvals(t.account()));
        read("ManagerService.invitationsNeedApproval(long)", ACCOUNT,
                t -> managers.invitationsNeedApproval(t.account()));

        // audit log
        read("AuditQueries.rows(AuditFilter,Pageable)", ACCOUNT, t -> audit.rows(auditOfVictim, page))
                .ownScope("reads only the caller's own organizations' events");
        read("AuditQueries.rowsBefore(AuditFilter,long,int)", ACCOUNT,
                t -> audit.rowsBefore(auditOfVictim, Long.MAX_VALUE, 50))
                .ownScope("reads only the caller's own organizations' events");
        read("AuditQueries.count(AuditFilter)", ACCOUNT, t -> audit.count(auditOfVictim))
                .ownScope("counts only the caller's own organizations' events");
        read("AuditQueries.exportCsv(AuditFilter,Writer,Locale)", ACCOUNT, t -> {
            StringWriter csv = new StringWriter();
            audit.exportCsv(auditOfVictim, csv, java.util.Locale.ENGLISH);
            return csv.toString().lines().skip(1).toList();
        }).ownScope("exports only the caller's own organizations' events");

        // contacts
        read("ContactExport.organization(long,Writer,Locale)", ACCOUNT, t -> {
            StringWriter csv = new StringWriter();
            contactExport.organization(t.account(), csv, java.util.Locale.ENGLISH);
            return csv.toString();
        });
        read("ContactExport.partnerTree(long,Writer,Locale)", PARTNER, t -> {
            StringWriter csv = new StringWriter();
            contactExport.partnerTree(t.partner(), csv, java.util.Locale.ENGLISH);
            return csv.toString();
        });
        system("ContactProvisioning.importContact(Task,long,Long,String,String,String,String,String,Set)", ACCOUNT,
                t -> contactProvisioning.importContact(null, t.account(), null, "Planted", "Contact", intruder, null,
                        null, EnumSet.of(ContactType.BILLING)));
        system("ContactProvisioning.contactsAfter(Task,long,long,int)", ACCOUNT,
                t -> contactProvisioning.contactsAfter(null, t.account(), 0, 50));
        system("ContactProvisioning.contactsPage(Task,long,Pageable)", ACCOUNT,
                t -> contactProvisioning.contactsPage(null, t.account(), page));
        system("ContactRecipients.after(Task,ContactType,Collection,String,int)", ACCOUNT,
                t -> recipients.after(null, ContactType.TECHNICAL, List.of(t.account()), "", 50));
        system("ContactRecipients.count(Task,ContactType,Collection)", ACCOUNT,
                t -> recipients.count(null, ContactType.TECHNICAL, List.of(t.account())));
        read("ContactService.page(long,Pageable)", ACCOUNT, t -> contacts.page(t.account(), page));
        read("ContactService.count(long)", ACCOUNT, t -> contacts.count(t.account()));
        read("ContactService.contact(long,long)", ACCOUNT, t -> contacts.contact(t.account(), t.contact()));
        read("ContactService.mayManage(long)", ACCOUNT, t -> contacts.mayManage(t.account()))
                .ownScope("false: the question whether to offer the buttons");
        read("ContactService.users(long)", ACCOUNT, t -> contacts.users(t.account()));
        read("ContactService.typesOfUsers(long,Collection)", ACCOUNT,
                t -> contacts.typesOfUsers(t.account(), List.of(t.user())));
        write("ContactService.add(long,NewContact)", ACCOUNT, t -> contacts.add(t.account(), planted));
        write("ContactService.change(long,long,NewContact,long,Locale)", ACCOUNT,
                t -> contacts.change(t.account(), t.contact(), planted, t.contactVersion(), en));
        write("ContactService.delete(long,long,long)", ACCOUNT, t -> {
            contacts.delete(t.account(), t.contact(), t.contactVersion());
            return null;
        });
        read("ContactService.preview(String)", TOKEN, t -> Optional.of(contacts.preview(t.token()))
                .filter(preview -> preview.state() != EmailChangePreview.State.UNKNOWN))
                .ownScope("a forged token previews as an unknown link: the closed-link page");
        write("ContactService.confirm(String)", TOKEN, t -> {
            contacts.confirm(t.token());
            return null;
        });

        // invitations
        read("InvitationService.preview(String)", TOKEN, t -> Optional.of(invitations.preview(t.token()))
                .filter(preview -> preview.state() != InvitationState.UNKNOWN))
                .ownScope("a forged token previews as an unknown link: the closed-link page");
        write("InvitationService.accept(String,String)", TOKEN, t -> {
            invitations.accept(t.token(), "a long enough password for the matrix " + tag);
            return null;
        });
        write("InvitationService.decline(String)", TOKEN, t -> {
            invitations.decline(t.token());
            return null;
        });

        // platform notices
        write("PlatformNotices.send(ContactType,String,String,NoticeAudience,Locale)", PROVIDER,
                t -> notices.send(ContactType.TECHNICAL, "Planted " + tag, "Body",
                        NoticeAudience.chosen(List.of(t.customerNumber()), List.of()), en));
        read("PlatformNotices.status(long)", PROVIDER, t -> notices.status(t.notice()));

        // provider staff
        read("ProviderStaff.list(StaffFilter,Pageable)", PROVIDER,
                t -> providerStaff.list(new StaffFilter(t.searchText(), null, null), page));
        read("ProviderStaff.count(StaffFilter)", PROVIDER,
                t -> providerStaff.count(new StaffFilter(t.searchText(), null, null)));
        write("ProviderStaff.invite(String,String,MembershipRole,Locale)", PROVIDER, t -> {
            providerStaff.invite(intruder, "Intruder " + t.searchText(), MembershipRole.PROVIDER_ADMINISTRATOR, en);
            return null;
        });
        write("ProviderStaff.resendInvitation(long,Locale)", PROVIDER, t -> {
            providerStaff.resendInvitation(t.invitedMembership(), en);
            return null;
        });
        write("ProviderStaff.removeInvitation(long)", PROVIDER, t -> {
            providerStaff.removeInvitation(t.invitedMembership());
            return null;
        });
        write("ProviderStaff.deactivate(long)", PROVIDER, t -> {
            providerStaff.deactivate(t.membership());
            return null;
        });
        write("ProviderStaff.reactivate(long)", PROVIDER, t -> {
            providerStaff.reactivate(t.membership());
            return null;
        });
        read("ProviderMemberships.staff(long,StaffFilter,Pageable)", PROVIDER,
                t -> providerMemberships.staff(t.provider(), new StaffFilter(t.searchText(), null, null), page));
        read("ProviderMemberships.countStaff(long,StaffFilter)", PROVIDER,
                t -> providerMemberships.countStaff(t.provider(), new StaffFilter(t.searchText(), null, null)));
        read("ProviderMemberships.staffMember(long,long)", PROVIDER,
                t -> providerMemberships.staffMember(t.provider(), t.membership()));
        system("ProviderMemberships.provider(Task)", PROVIDER, t -> providerMemberships.provider(null));
        system("ProviderMemberships.anyActiveProviderAdministrator(Task)", PROVIDER,
                t -> providerMemberships.anyActiveProviderAdministrator(null));
        system("ProviderMemberships.waitingAdministratorMembership(Task,long,long)", PROVIDER,
                t -> providerMemberships.waitingAdministratorMembership(null, t.provider(), t.user()));
        system("InvitationService.openUntil(Task,InvitationPurpose)", PROVIDER,
                t -> invitations.openUntil(null, dev.kontor.invitation.InvitationPurpose.PROVIDER_ADMINISTRATOR));

        // provider administration of partners
        write("PartnerAdministration.createPartner(NewPartner,Locale)", PROVIDER,
                t -> partnerAdministration.createPartner(new NewPartner("Planted " + tag, "planted-" + tag
                        + "@example.test", "Planted"), en));
        read("PartnerAdministration.partners(PartnerFilter,Pageable)", PROVIDER,
                t -> partnerAdministration.partners(PartnerFilter.all(), page));
        read("PartnerAdministration.countPartners(PartnerFilter)", PROVIDER,
                t -> partnerAdministration.countPartners(PartnerFilter.all()));
        read("PartnerAdministration.partner(long)", PROVIDER, t -> partnerAdministration.partner(t.partner()));
        read("PartnerAdministration.customersOf(long,Pageable)", PROVIDER,
                t -> partnerAdministration.customersOf(t.partner(), page));
        read("PartnerAdministration.peopleOf(long)", PROVIDER, t -> partnerAdministration.peopleOf(t.partner()));
        write("PartnerAdministration.suspend(long,long,String)", PROVIDER, t -> {
            partnerAdministration.suspend(t.partner(), 0, "Planted " + tag);
            return null;
        });
        write("PartnerAdministration.reactivate(long,long)", PROVIDER, t -> {
            partnerAdministration.reactivate(t.partner(), 0);
            return null;
        });
        write("PartnerAdministration.inviteRepresentative(long,String,String,Locale)", PROVIDER, t -> {
            partnerAdministration.inviteRepresentative(t.partner(), "planted-" + tag + "@example.test", "Planted",
                    en);
            return null;
        });
        // provider administration of customer accounts
        write("AccountAdministration.createAccount(NewAccount,Locale)", PROVIDER,
                t -> accountAdministration.createAccount(new NewAccount(null, "Planted " + tag, null, null, null, null,
                        "planted-" + tag + "@example.test", "Planted", t.partner(),
                        EnumSet.of(OrganizationRight.VIEW)), en));
        read("AccountAdministration.accounts(AccountFilter,Pageable)", PROVIDER,
                t -> accountAdministration.accounts(new AccountFilter(t.customerNumber(), null), page));
        read("AccountAdministration.countAccounts(AccountFilter)", PROVIDER,
                t -> accountAdministration.countAccounts(new AccountFilter(t.customerNumber(), null)));
        read("AccountAdministration.account(long)", PROVIDER, t -> accountAdministration.account(t.account()));
        read("AccountAdministration.account(CustomerNumber)", PROVIDER,
                t -> accountAdministration.account(new CustomerNumber(t.customerNumber())));
        write("AccountAdministration.suspend(long,long,String)", PROVIDER, t -> {
            accountAdministration.suspend(t.account(), t.accountVersion(), "Planted " + tag);
            return null;
        });
        write("AccountAdministration.reactivate(long,long)", PROVIDER, t -> {
            accountAdministration.reactivate(t.account(), t.accountVersion());
            return null;
        });
        write("AccountAdministration.close(long,long,String)", PROVIDER, t -> {
            accountAdministration.close(t.account(), t.accountVersion(), "Planted " + tag);
            return null;
        });
        read("AccountAdministration.accountData(long)", PROVIDER,
                t -> accountAdministration.accountData(t.account()));
        write("AccountAdministration.updateAccount(long,long,AccountChange)", PROVIDER, t -> {
            accountAdministration.updateAccount(t.account(), t.accountVersion(),
                    new AccountChange("Planted " + tag, "Planted street", null, null, null));
            return null;
        });
        read("AccountAdministration.changedSince(Instant,long,int)", PROVIDER,
                t -> accountAdministration.changedSince(Instant.EPOCH, 0, 500));
        read("AccountAdministration.contactPerson(long)", PROVIDER,
                t -> accountAdministration.contactPerson(t.account()));
        read("AccountAdministration.contactsOf(long,long,int)", PROVIDER,
                t -> accountAdministration.contactsOf(t.account(), 0, 50));
        read("AccountAdministration.contactsPage(long,Pageable)", PROVIDER,
                t -> accountAdministration.contactsPage(t.account(), page));
        read("AccountAdministration.managersOf(long,Pageable)", PROVIDER,
                t -> accountAdministration.managersOf(t.account(), page));
        write("AccountAdministration.inviteManager(long,String,String,Locale)", PROVIDER, t -> {
            accountAdministration.inviteManager(t.account(), "planted-" + tag + "@example.test", "Planted", en);
            return null;
        });
        write("AccountAdministration.requestPartner(long,long,Set,Locale)", PROVIDER,
                t -> accountAdministration.requestPartner(t.account(), t.partner(),
                        EnumSet.of(OrganizationRight.VIEW), en));
        // provider administration of an account's services
        read("ServiceAdministration.servicesOf(long)", PROVIDER, t -> serviceAdministration.servicesOf(t.account()));
        write("ServiceAdministration.addService(long,String,ServiceKind)", PROVIDER,
                t -> serviceAdministration.addService(t.account(), "Planted " + tag, ServiceKind.CLUSTER));
        write("ServiceAdministration.renameService(long,long,long,String)", PROVIDER, t -> {
            serviceAdministration.renameService(t.account(), t.account(), 0, "Planted " + tag);
            return null;
        });
        write("ServiceAdministration.endService(long,long,long)", PROVIDER, t -> {
            serviceAdministration.endService(t.account(), t.account(), 0);
            return null;
        });
        write("PartnerAdministration.deactivateMember(long,long,long)", PROVIDER, t -> {
            partnerAdministration.deactivateMember(t.partner(), t.membership(), 0);
            return null;
        });

        // organizations and memberships
        read("MembershipAdministration.members(long,MembershipRole)", ACCOUNT,
                t -> memberships.members(t.account(), MembershipRole.MANAGER));
        read("MembershipAdministration.allMembers(long)", ACCOUNT, t -> memberships.allMembers(t.account()));
        write("MembershipAdministration.invite(long,long,MembershipRole,String)", ACCOUNT,
                t -> memberships.invite(t.account(), t.employeeUser(), MembershipRole.MANAGER, "Intruder"));
        write("MembershipAdministration.changeState(long,long,MembershipState)", ACCOUNT,
                t -> memberships.changeState(t.account(), t.membership(), MembershipState.DEACTIVATED));
        write("MembershipAdministration.remove(long,long)", ACCOUNT, t -> {
            memberships.remove(t.account(), t.membership());
            return null;
        });
        system("MembershipAdministration.activateInvited(Task,long)", ACCOUNT,
                t -> memberships.activateInvited(null, t.invitedMembership()));
        system("MembershipAdministration.declineInvited(Task,long)", ACCOUNT, t -> {
            memberships.declineInvited(null, t.invitedMembership());
            return null;
        });
        system("MembershipAdministration.invitedName(Task,long)", ACCOUNT,
                t -> memberships.invitedName(null, t.invitedMembership()));
        read("MembershipAdministration.invitedMember(long,long)", ACCOUNT,
                t -> memberships.invitedMember(t.account(), t.invitedMembership()));
        system("MembershipAdministration.needsApproval(Task,long)", ACCOUNT,
                t -> memberships.needsApproval(null, t.invitedMembership()));
        write("MembershipAdministration.approve(long,long)", ACCOUNT,
                t -> memberships.approve(t.account(), t.waitingMembership()));
        write("MembershipAdministration.refuse(long,long)", ACCOUNT, t -> {
            memberships.refuse(t.account(), t.waitingMembership());
            return null;
        });
        read("MembershipAdministration.approvals(long)", ACCOUNT, t -> memberships.approvals(t.account()));
        read("MembershipAdministration.invitationsNeedApproval(long)", ACCOUNT,
                t -> memberships.invitationsNeedApproval(t.account()));
        read("OrganizationAccess.rightsIn(long)", ACCOUNT, t -> access.rightsIn(t.account()))
                .ownScope("the caller's own rights there: none");
        read("OrganizationAccess.rightsIn(Collection)", ACCOUNT, t -> access.rightsIn(java.util.List.of(t.account())))
                .ownScope("the caller's own rights there: none, so the organization is left out");
        read("OrganizationAccess.may(long,OrganizationRight)", ACCOUNT,
                t -> access.may(t.account(), OrganizationRight.VIEW))
                .ownScope("the caller's own right there: no");
        read("OrganizationAccess.require(long,OrganizationRight,Term)", ACCOUNT,
                t -> access.require(t.account(), OrganizationRight.VIEW, AuditSummary.action("view-account")));
        write("OrganizationAccess.requireBelow(long,OrganizationRight,Term)", TENANT,
                t -> access.requireBelow(t.tenant(), OrganizationRight.MANAGE_TENANTS,
                        AuditSummary.action("create-tenant")));
        read("OrganizationAccess.rightsBelow(long)", TENANT, t -> access.rightsBelow(t.tenant()))
                .ownScope("the caller's own rights there: none");
        read("OrganizationAccess.membershipFor(long)", ACCOUNT, t -> access.membershipFor(t.account()))
                .ownScope("the caller's own membership there: none");
        read("OrganizationAccess.memberRightsIn(long)", ACCOUNT, t -> access.memberRightsIn(t.account()))
                .ownScope("the caller's own rights there through their own memberships: none");
        read("OrganizationAccess.requireAsMember(long,OrganizationRight,Term)", ACCOUNT,
                t -> access.requireAsMember(t.account(), OrganizationRight.VIEW, AuditSummary.action("view-account")));

        // an organization's second-factor rules
        read("SecondFactorPolicy.requirement(long)", ACCOUNT, t -> secondFactorPolicy.requirement(t.account()));
        write("SecondFactorPolicy.changeRequirement(long,boolean)", ACCOUNT,
                t -> secondFactorPolicy.changeRequirement(t.account(), true));
        read("SecondFactorPolicy.withoutSecondFactor(long)", ACCOUNT,
                t -> secondFactorPolicy.withoutSecondFactor(t.account()));
        read("SecondFactorPolicy.secondFactorCount(long)", ACCOUNT,
                t -> secondFactorPolicy.secondFactorCount(t.account()));
        write("SecondFactorPolicy.remind(long)", ACCOUNT, t -> secondFactorPolicy.remind(t.account()));
        write("SecondFactorPolicy.resetSecondFactor(long,long)", ACCOUNT, t -> {
            secondFactorPolicy.resetSecondFactor(t.account(), t.membership());
            return null;
        });
        system("SecondFactorPolicy.requiredFor(Task,long)", ACCOUNT,
                t -> secondFactorPolicy.requiredFor(null, t.user()));
        system("SecondFactorPolicy.organizationsRequiringFor(Task,long)", ACCOUNT,
                t -> secondFactorPolicy.organizationsRequiringFor(null, t.user()));
        read("OrganizationDirectory.customerOf(long,CustomerNumber)", PROVIDER,
                t -> directory.customerOf(t.provider(), t.number()));
        read("OrganizationDirectory.partnersNamed(long,String)", PROVIDER,
                t -> directory.partnersNamed(t.provider(), t.searchText()));
        system("OrganizationOnboarding.createProvider(Task,String)", PROVIDER,
                t -> onboarding.createProvider(null, "Planted " + tag));
        system("OrganizationOnboarding.createPartner(Task,String,long)", PROVIDER,
                t -> onboarding.createPartner(null, "Planted " + tag, t.provider()));
        system("OrganizationOnboarding.createCustomer(Task,String,long)", PARTNER,
                t -> onboarding.createCustomer(null, "Planted " + tag, t.partner()));
        system("OrganizationOnboarding.changeState(Task,long,long,OrganizationState,String)", PARTNER,
                t -> onboarding.changeState(null, t.partner(), 0, OrganizationState.SUSPENDED, "Planted " + tag));
        system("OrganizationOnboarding.deactivate(Task,long,long,long)", ACCOUNT, t -> {
            onboarding.deactivate(null, t.account(), t.membership(), 0);
            return null;
        });
        system("OrganizationOnboarding.inviteUnlessMember(Task,long,long,MembershipRole,String)", PARTNER,
                t -> onboarding.inviteUnlessMember(null, t.employeeUser(), t.partner(), MembershipRole.LEGAL_REPRESENTATIVE,
                        "Intruder"));
        system("OrganizationOnboarding.lock(Task,long)", PARTNER, t -> onboarding.lock(null, t.partner()));
        system("OrganizationOnboarding.rename(Task,long,String)", ACCOUNT,
                t -> onboarding.rename(null, t.account(), "Planted " + tag));
        system("OrganizationOnboarding.createCustomer(Task,String,long,CustomerNumber)", PARTNER,
                t -> onboarding.createCustomer(null, "Planted " + tag, t.partner(), t.number()));
        system("OrganizationOnboarding.createTenant(Task,String,long)", TENANT,
                t -> onboarding.createTenant(null, "Planted " + tag, t.tenant()));
        system("OrganizationOnboarding.grant(Task,long,long,MembershipRole)", ACCOUNT,
                t -> onboarding.grant(null, t.employeeUser(), t.account(), MembershipRole.MANAGER));
        system("OrganizationOnboarding.invite(Task,long,long,MembershipRole)", ACCOUNT,
                t -> onboarding.invite(null, t.employeeUser(), t.account(), MembershipRole.MANAGER));
        system("OrganizationOnboarding.invite(Task,long,long,MembershipRole,String)", ACCOUNT,
                t -> onboarding.invite(null, t.employeeUser(), t.account(), MembershipRole.MANAGER, "Intruder"));
        system("OrganizationOnboarding.findCustomer(Task,CustomerNumber)", ACCOUNT,
                t -> onboarding.findCustomer(null, t.number()));
        system("OrganizationService.describeAll(Task,Collection)", ACCOUNT,
                t -> organizations.describeAll(null, List.of(t.account())));
        system("OrganizationService.describe(Task,long)", ACCOUNT, t -> organizations.describe(null, t.account()));
        system("OrganizationService.activeRolesOf(Task,long)", ACCOUNT,
                t -> organizations.activeRolesOf(null, t.user()));
        read("OrganizationService.customerAccount(CustomerNumber)", ACCOUNT,
                t -> organizations.customerAccount(t.number()));
        read("OrganizationService.summary(long)", ACCOUNT, t -> organizations.summary(t.account()));
        write("OrganizationService.rename(long,String)", ACCOUNT, t -> {
            organizations.rename(t.account(), "Renamed " + tag);
            return null;
        });
        read("OrganizationService.myRolesIn(long)", ACCOUNT, t -> organizations.myRolesIn(t.account()))
                .ownScope("the caller's own roles there: none");
        write("OrganizationService.openCustomerAccountBelow(long,String)", PARTNER,
                t -> organizations.openCustomerAccountBelow(t.partner(), "Planted " + tag));
        write("TenantStructure.createTenant(long,String)", TENANT,
                t -> structure.createTenant(t.tenant(), "Planted " + tag));
        write("TenantStructure.rename(long,String,long)", TENANT, t -> {
            structure.rename(t.tenant(), "Renamed " + tag, t.tenantVersion());
            return null;
        });
        write("TenantStructure.move(long,long,long)", TENANT, t -> {
            structure.move(t.tenant(), t.subTenant(), t.tenantVersion());
            return null;
        });

        // partnerships, seen from the customer
        read("CustomerPartnerService.partnersOf(long)", ACCOUNT, t -> customerPartners.partnersOf(t.account()));
        read("CustomerPartnerService.incomingRequests(long)", ACCOUNT,
                t -> customerPartners.incomingRequests(t.account()));
        read("CustomerPartnerService.mayDecide(long)", ACCOUNT, t -> customerPartners.mayDecide(t.account()))
                .ownScope("false: the question whether to offer the buttons");
        read("CustomerPartnerService.readersPartner(long)", ACCOUNT,
                t -> customerPartners.readersPartner(t.account()))
                .ownScope("about the caller's own memberships: whether he himself works for a partner of the account");
        write("CustomerPartnerService.acceptRequest(long,long,Set)", ACCOUNT, t -> {
            customerPartners.acceptRequest(t.account(), t.pendingRequest(), all);
            return null;
        });
        write("CustomerPartnerService.declineRequest(long,long)", ACCOUNT, t -> {
            customerPartners.declineRequest(t.account(), t.pendingRequest());
            return null;
        });
        write("CustomerPartnerService.changeRights(long,long,long,Set)", ACCOUNT, t -> {
            customerPartners.changeRights(t.account(), t.relationship(), t.relationshipVersion(), all);
            return null;
        });
        write("CustomerPartnerService.revoke(long,long)", ACCOUNT, t -> {
            customerPartners.revoke(t.account(), t.relationship());
            return null;
        });
        write("CustomerPartnerService.confirmRights(long,long)", ACCOUNT, t -> {
            customerPartners.confirmRights(t.account(), t.relationship());
            return null;
        });

        // partnerships, seen from the partner
        read("ManagedCustomerService.rows(long,ManagedCustomerFilter,Pageable)", PARTNER,
                t -> managedCustomers.rows(t.partner(), ManagedCustomerFilter.none(), page));
        read("ManagedCustomerService.count(long,ManagedCustomerFilter)", PARTNER,
                t -> managedCustomers.count(t.partner(), ManagedCustomerFilter.none()));
        read("ManagedCustomerService.rowsAfter(long,long,int)", PARTNER,
                t -> managedCustomers.rowsAfter(t.partner(), 0, 50));

        // API tokens of a partner (the provider's are issued the same way, by its administrators)
        read("ApiTokens.tokens(long)", PARTNER, t -> apiTokens.tokens(t.partner()));
        write("ApiTokens.create(long,String,ApiScope,LocalDate,ZoneId)", PARTNER,
                t -> apiTokens.create(t.partner(), "Planted " + tag, ApiScope.WRITE,
                        java.time.LocalDate.now().plusDays(30), java.time.ZoneOffset.UTC));
        write("ApiTokens.revoke(long,long)", PARTNER, t -> {
            apiTokens.revoke(t.partner(), Long.MAX_VALUE);
            return null;
        });
        read("PartnerGrants.grantForAccess(long,long)", ACCOUNT, t -> grants.grantForAccess(t.partner(), t.account()))
                .entitled(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, "the partnership lets its administrator enter: this is the way in");
        read("PartnerGrants.grantForAccess(long,CustomerNumber)", ACCOUNT,
                t -> grants.grantForAccess(t.partner(), t.number()))
                .entitled(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION, "the partnership lets its administrator enter: this is the way in");
        read("PartnerGrants.standing(long,long)", ACCOUNT, t -> grants.standing(t.relationship(), t.employeeUser()));
        read("PartnerGrants.callerBelongsToAPartnerOf(long)", ACCOUNT,
                t -> grants.callerBelongsToAPartnerOf(t.account()))
                .ownScope("about the caller's own memberships: whether he himself works for a partner of the account");
        system("PartnerProvisioning.importActiveRelationship(Task,long,long,Set,String,long)", ACCOUNT,
                t -> partnerProvisioning.importActiveRelationship(null, t.partner(), t.account(), all, intruder,
                        t.user()));
        system("PartnerProvisioning.requestOnProviderBehalf(Task,long,long,Set,String,String,boolean,Locale)", ACCOUNT,
                t -> partnerProvisioning.requestOnProviderBehalf(null, t.partner(), t.account(), all, intruder, "Planted",
                        false, en));
        system("PartnerProvisioning.importAssignment(Task,long,long,long)", PARTNER, t -> {
            partnerProvisioning.importAssignment(null, t.partner(), t.account(), t.employeeUser());
            return null;
        });
        write("PartnerService.addCustomer(long,NewCustomer,Locale)", PARTNER,
                t -> partners.addCustomer(t.partner(), new NewCustomer("Planted " + tag, intruder, "Intruder",
                        EnumSet.of(OrganizationRight.VIEW)), en));
        write("PartnerService.prepareRequest(long,String,String,Set,Locale)", PARTNER,
                t -> partners.prepareRequest(t.partner(), t.customerNumber(), intruder, all, en));
        write("PartnerService.requestWhenMatching(long,String,String,Set,Locale)", PARTNER, t -> {
            partners.requestWhenMatching(t.partner(), t.customerNumber(), intruder, all, en);
            return null;
        });
        // a draft for the target partner, as its own legal representative would have prepared it
        write("PartnerService.sendRequest(long,RequestDraft,RequestDelivery,Locale)", PARTNER,
                t -> partners.sendRequest(t.partner(), context.getBean(dev.kontor.partner.TestRequests.class)
                        .draft(t.partner(), t.account(), intruder), dev.kontor.partner.RequestDelivery.KONTOR_MAILS,
                        en));
        write("PartnerService.resendRequest(long,long,Locale)", PARTNER, t -> {
            partners.resendRequest(t.partner(), t.relationship(), en);
            return null;
        });
        write("PartnerService.withdrawRequest(long,long)", PARTNER, t -> {
            partners.withdrawRequest(t.partner(), t.relationship());
            return null;
        });
        write("PartnerService.terminate(long,long,Locale)", PARTNER, t -> {
            partners.terminate(t.partner(), t.relationship(), en);
            return null;
        });
        write("PartnerService.markReviewed(long,long)", PARTNER, t -> {
            partners.markReviewed(t.partner(), t.relationship());
            return null;
        });
        read("PartnerService.employees(long)", PARTNER, t -> partners.employees(t.partner()));
        write("PartnerService.assign(long,long,long)", PARTNER, t -> {
            partners.assign(t.partner(), t.account(), t.employeeUser());
            return null;
        });
        write("PartnerService.unassign(long,long,long)", PARTNER, t -> {
            partners.unassign(t.partner(), t.account(), t.employeeUser());
            return null;
        });
        read("PartnerService.sentRequests(long,Set,Pageable)", PARTNER,
                t -> partners.sentRequests(t.partner(), EnumSet.allOf(RelationshipState.class), page));
        read("PartnerService.countSentRequests(long)", PARTNER, t -> partners.countSentRequests(t.partner()));
        read("RelationshipAnswers.preview(String)", TOKEN, t -> Optional.of(answers.preview(t.token()))
                .filter(preview -> preview.state() != RequestLinkState.UNKNOWN))
                .ownScope("a forged token previews as an unknown link: the closed-link page");
        write("RelationshipAnswers.accept(String,Set,String)", TOKEN, t -> {
            answers.accept(t.token(), all, "a long enough password for the matrix " + tag);
            return null;
        });
        write("RelationshipAnswers.decline(String)", TOKEN, t -> {
            answers.decline(t.token());
            return null;
        });

        // replacing a person everywhere: the victim's manager as the leaving person, and the victim's own preview
        read("PersonReplacement.prepare(String,String)", ACCOUNT, t -> {
            String leaving = t.variant() == IdVariant.MALFORMED ? t.searchText() : emailOf(jdbc, t.user());
            return replacements.items(replacements.prepare(leaving, null).id(), page);
        }).ownScope("lists only the places in the caller's own organizations: someone of another organization gives "
                + "the same empty preview as an address that names nobody");
        read("PersonReplacement.count(long)", ACCOUNT, t -> replacements.count(replacementOf(jdbc, t)));
        read("PersonReplacement.items(long,Pageable)", ACCOUNT,
                t -> replacements.items(replacementOf(jdbc, t), page));
        read("PersonReplacement.progress(long)", ACCOUNT, t -> replacements.progress(replacementOf(jdbc, t)));
        read("PersonReplacement.summaryCsv(long,Writer,Locale)", ACCOUNT, t -> {
            StringWriter csv = new StringWriter();
            replacements.summaryCsv(replacementOf(jdbc, t), csv, en);
            return csv.toString();
        });
        write("PersonReplacement.select(long,long,boolean)", ACCOUNT, t -> replacements.select(
                replacementOf(jdbc, t), firstItemOf(jdbc, replacementOf(jdbc, t)), true));
        write("PersonReplacement.selectAll(long)", ACCOUNT, t -> replacements.selectAll(replacementOf(jdbc, t)));
        write("PersonReplacement.apply(long)", ACCOUNT, t -> replacements.apply(replacementOf(jdbc, t)));

        // support
        read("SupportLookup.search(String)", ACCOUNT, t -> support.search(t.customerNumber()));
        read("SupportLookup.search(String,int)", ACCOUNT, t -> support.search(t.customerNumber(), 20));
        read("SupportLookup.card(long)", ACCOUNT, t -> support.card(t.account()));

        // tenants
        write("ContentCopies.start(long,boolean)", TENANT, t -> copies.start(t.subTenant(), true));
        read("ContentCopies.progress(long)", TENANT, t -> copies.progress(t.copy()));
        read("ContentCopies.unfinished(long)", TENANT, t -> copies.unfinished(t.subTenant()));
        read("ContentCopies.masterName(long)", TENANT, t -> copies.masterName(t.subTenant()));
        read("TenantAdministrators.list(long)", TENANT, t -> tenantAdministrators.list(t.tenant()));
        write("TenantAdministrators.add(long,String,String,Locale)", TENANT, t -> {
            tenantAdministrators.add(t.tenant(), intruder, "Intruder", en);
            return null;
        });
        write("TenantAdministrators.resend(long,long,Locale)", TENANT, t -> {
            tenantAdministrators.resend(t.tenant(), t.tenantMembership(), en);
            return null;
        });
        write("TenantAdministrators.deactivate(long,long)", TENANT, t -> {
            tenantAdministrators.deactivate(t.tenant(), t.tenantMembership());
            return null;
        });
        write("TenantAdministrators.reactivate(long,long)", TENANT, t -> {
            tenantAdministrators.reactivate(t.tenant(), t.tenantMembership());
            return null;
        });
        write("TenantAdministrators.remove(long,long)", TENANT, t -> {
            tenantAdministrators.remove(t.tenant(), t.tenantMembership());
            return null;
        });
        write("TenantAdministrators.approve(long,long)", TENANT, t -> {
            tenantAdministrators.approve(t.tenant(), t.waitingTenantMembership());
            return null;
        });
        write("TenantAdministrators.refuse(long,long)", TENANT, t -> {
            tenantAdministrators.refuse(t.tenant(), t.waitingTenantMembership());
            return null;
        });
        read("TenantAdministrators.approvals(long)", TENANT, t -> tenantAdministrators.approvals(t.tenant()));
        read("TenantAdministrators.invitationsNeedApproval(long)", TENANT,
                t -> tenantAdministrators.invitationsNeedApproval(t.tenant()));
        system("TenantProvisioning.importTenant(Task,long,String,TenantType,Edition,String,TenantSettings)", TENANT,
                t -> tenantProvisioning.importTenant(null, t.tenant(), "Planted " + tag, TenantType.STANDARD,
                        Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()));
        write("TenantService.create(NewTenant)", TENANT, t -> tenants.create(new NewTenant(t.tenant(),
                "Planted " + tag, TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, null)));
        read("TenantService.details(long)", TENANT, t -> tenants.details(t.tenant()));
        read("TenantService.logIn(long,Long)", TENANT, t -> tenants.logIn(t.tenant(), t.session()));
        read("TenantService.logo(long)", TENANT, t -> tenants.logo(t.tenant()));
        write("TenantService.changeLogo(long,byte[])", TENANT, t -> {
            tenants.changeLogo(t.tenant(), Logos.PNG);
            return null;
        });
        write("TenantService.changeSettings(long,TenantSettings,long)", TENANT, t -> {
            tenants.changeSettings(t.tenant(), new TenantSettings("en", "UTC", "Planted " + tag),
                    t.tenantProfileVersion());
            return null;
        });
        read("TenantTree.children(long,TreeFilter,int,int)", TENANT,
                t -> tree.children(t.tenantMaster(), TreeFilter.NONE, 0, 50));
        read("TenantTree.countChildren(long,TreeFilter)", TENANT,
                t -> tree.countChildren(t.tenantMaster(), TreeFilter.NONE));
        read("TenantTree.search(String)", TENANT, t -> tree.search(t.searchText()).matches())
                .ownScope("searches only the caller's own tree");
        read("TenantTree.rightsFor(long)", TENANT, t -> Optional.of(tree.rightsFor(t.tenant()))
                .filter(rights -> rights.view() || rights.createBelow() || rights.manage() || rights.copyFromMaster()))
                .ownScope("the caller's own rights there: none, so the tree offers nothing");
        read("TenantTree.masterCandidates(String,int,int)", TENANT,
                t -> tree.masterCandidates(t.searchText(), 0, 50))
                .ownScope("searches only the caller's own tree");
        read("TenantTree.countMasterCandidates(String)", TENANT, t -> tree.countMasterCandidates(t.searchText()))
                .ownScope("counts only the caller's own tree");
        read("TenantTree.moveTargets(long,String,int,int)", TENANT,
                t -> tree.moveTargets(t.tenant(), "", 0, 50));
        read("TenantTree.countMoveTargets(long,String)", TENANT, t -> tree.countMoveTargets(t.tenant(), ""));
        read("TenantTree.node(long)", TENANT, t -> tree.node(t.tenant()))
                .ownScope("a node outside the caller's tree is none of theirs");

        // people
        system("UserAccountService.registerWithPasswordHash(Task,EmailAddress,String,String)", ACCOUNT,
                t -> users.registerWithPasswordHash(null, new EmailAddress(intruder), "Intruder", null));
        system("UserAccountService.findById(Task,long)", ACCOUNT, t -> users.findById(null, t.user()));
        system("UserAccountService.findSignInCandidate(Task,long)", ACCOUNT,
                t -> users.findSignInCandidate(null, t.user()));
        system("UserAccountService.findSignInCandidate(Task,String)", ACCOUNT,
                t -> users.findSignInCandidate(null, t.variant() == IdVariant.FOREIGN ? jdbc.queryForObject(
                        "select email from app_user where id = ?", String.class, t.user()) : t.searchText()));

        // sign-in
        read("SignInUnlocks.preview(String)", TOKEN, t -> Optional.of(unlocks.preview(t.token()))
                .filter(state -> state != UnlockState.UNKNOWN))
                .ownScope("a forged token previews as an unknown link: the closed-link page");
        write("SignInUnlocks.unlock(String,String)", TOKEN, t -> Optional.of(unlocks.unlock(t.token(), "192.0.2.66"))
                .filter(SignInUnlocks.Unlocked::succeeded));
        system("UserAccountService.setFirstPassword(Task,long,String,Collection)", ACCOUNT, t -> {
            users.setFirstPassword(null, t.user(), "a long enough password for the matrix " + tag, List.of());
            return null;
        });
    }

    Map<String, Entry> entries() {
        return entries;
    }

    private Line read(String signature, Scope scope, Invocation invocation) {
        return add(new Entry(signature, scope, false, false, null, Map.of(), invocation));
    }

    private Line write(String signature, Scope scope, Invocation invocation) {
        return add(new Entry(signature, scope, true, false, null, Map.of(), invocation));
    }

    private Line system(String signature, Scope scope, Invocation invocation) {
        return add(new Entry(signature, scope, true, true, null, Map.of(), invocation));
    }

    private Line add(Entry entry) {
        if (entries.put(entry.signature(), entry) != null) {
            throw new IllegalStateException("Listed twice: " + entry.signature());
        }
        return new Line(entry.signature());
    }

    /** One line of the registry, to which the reasons of an empty answer or an entitled attacker are added. */
    private final class Line {

        private final String signature;

        private Line(String signature) {
            this.signature = signature;
        }

        Line ownScope(String reason) {
            entries.computeIfPresent(signature, (key, entry) -> entry.withOwnScope(reason));
            return this;
        }

        Line entitled(Attacker attacker, String reason) {
            entries.computeIfPresent(signature, (key, entry) -> entry.withEntitled(attacker, reason));
            return this;
        }
    }

    private static void exempt(String signature, String reason) {
        EXEMPT.put(signature, reason);
    }

    /** The e-mail address of a user id (one that names nobody gives an address that names nobody either). */
    private static String emailOf(JdbcTemplate jdbc, long userId) {
        return jdbc.queryForList("select email from app_user where id = ?", String.class, userId).stream()
                .findFirst().orElse("nobody-" + userId + "@example.test");
    }

    /** The victim manager's replacement preview; for the other variants the unknown, negative or huge id itself. */
    private static long replacementOf(JdbcTemplate jdbc, Targets t) {
        return t.variant() != IdVariant.FOREIGN ? t.copy() : jdbc.queryForObject(
                "select coalesce(max(id), " + MatrixWorld.UNKNOWN_ID + ") from person_replacement "
                        + "where actor_user_id = ?", Long.class, t.user());
    }

    /** The first place of a replacement preview (an unknown id when it has none). */
    private static long firstItemOf(JdbcTemplate jdbc, long replacement) {
        return jdbc.queryForObject("select coalesce(min(id), " + MatrixWorld.UNKNOWN_ID + ") from "
                + "person_replacement_item where replacement_id = ?", Long.class, replacement);
    }
}
