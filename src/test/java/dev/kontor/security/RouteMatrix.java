package dev.kontor.security;

import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.base.ui.ClosedLinkPage;
import dev.kontor.base.ui.NotFoundView;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.security.ui.LoginView;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The route half of the isolation matrix: every address with an id or a token in it, opened by every attacker with
 * the victim's ids and with ids that name nothing; and the addresses without one, each with its reason. A route in
 * neither list fails {@link IsolationMatrixTest}.
 */
final class RouteMatrix {

    /** Pages that say "no": a refusal, a denied page, not found, a closed link, or the sign-in. */
    static final List<Class<?>> REFUSAL_PAGES = List.of(RefusalView.class, AccessDeniedView.class, NotFoundView.class,
            ClosedLinkPage.class, LoginView.class);

    /** A route template and how an attempt fills it in; {@code token}: the address carries a link token. */
    record Route(String template, boolean token, Map<Attacker, String> entitled, Function<Targets, String> location) {

        Set<IdVariant> variants() {
            return token ? EnumSet.of(IdVariant.UNKNOWN, IdVariant.NEGATIVE, IdVariant.HUGE, IdVariant.MALFORMED)
                    : EnumSet.allOf(IdVariant.class);
        }
    }

    /** Route templates without an id or token, each with the reason. */
    static final Map<String, String> EXEMPT = new LinkedHashMap<>();

    static {
        EXEMPT.put("", "the dashboard: lists the caller's own accounts");
        EXEMPT.put("tenants", "the caller's own tenant tree (its service calls are in the service matrix)");
        EXEMPT.put("audit", "the caller's own organizations' events (AuditQueries is in the service matrix)");
        EXEMPT.put("dev/mailbox", "no id; only with the demo profile (DevMailboxViewTest, DevMailboxAbsentTest)");
        EXEMPT.put("partner/profile", "no id: the caller's own partner");
        EXEMPT.put("partner/my-customers", "no id: the employee's own assignments");
        EXEMPT.put("partner/customers", "no id: the caller's own partner's customers");
        EXEMPT.put("partner/requests", "no id: the caller's own partner's requests");
        EXEMPT.put("login", "the sign-in page");
        EXEMPT.put("support", "no id: support's search (SupportLookup is in the service matrix)");
        EXEMPT.put("admin/partners", "no id: the provider administrator's partners (PartnerAdministration is in the service matrix)");
        EXEMPT.put("admin/accounts", "no id: the provider administrator's customer accounts (AccountAdministration is in the service matrix)");
        EXEMPT.put("admin/notices", "no id: the provider administrator's notices (PlatformNotices is in the service matrix)");
        EXEMPT.put("admin/staff", "no id: the provider's own staff (ProviderStaff is in the service matrix)");

        EXEMPT.put("security", "no id: the caller's own second factor (SecondFactors is in the service matrix)");
        EXEMPT.put("sign-in/code", "no id: the second sign-in step of this browser's own pending sign-in");
        EXEMPT.put("replace-person", "no id: the caller's own preview, held by the page (PersonReplacement is in the service matrix)");
        EXEMPT.put("sign-in/set-up", "no id: the authenticator set-up of this browser's own pending sign-in");
        EXEMPT.put("api-tokens", "no id: the tokens of the caller's own partner or provider (ApiTokens is in the service matrix)");
    }

    static List<Route> routes() {
        return List.of(
                new Route("accounts/:customerNumber", false, Map.of(), t -> "accounts/" + number(t)),
                new Route("tenant/:tenantId", false, Map.of(), t -> "tenant/" + id(t, t.tenant())),
                new Route("tenant/:tenantId?via=:accessSession", false, Map.of(),
                        t -> "tenant/" + id(t, t.tenant()) + "?via=" + id(t, t.session())),
                new Route("access/:customerNumber", false, Map.of(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION,
                        "the partnership lets its administrator open the way into an access session"),
                        t -> "access/" + number(t)),
                new Route("invitation/:token", true, Map.of(), t -> "invitation/" + token(t)),
                new Route("invitation/:token/sign-in", true, Map.of(), t -> "invitation/" + token(t) + "/sign-in"),
                new Route("sign-in/unlock/:token", true, Map.of(), t -> "sign-in/unlock/" + token(t)),
                new Route("partner-request/:token", true, Map.of(), t -> "partner-request/" + token(t)),
                new Route("partner-request/:token/sign-in", true, Map.of(),
                        t -> "partner-request/" + token(t) + "/sign-in"),
                new Route("contact-email/:token", true, Map.of(), t -> "contact-email/" + token(t)),
                new Route("admin/partners/:partnerId", false, Map.of(), t -> "admin/partners/" + id(t, t.partner())),
                new Route("admin/accounts/:customerNumber", false, Map.of(), t -> "admin/accounts/" + number(t)));
    }

    /** The template a route class is listed under; parameters are named as in the {@code @Route} annotation. */
    static String covered(String template) {
        return template.replaceAll("\\?.*$", "");
    }

    private static String number(Targets targets) {
        return targets.variant() == IdVariant.MALFORMED ? "CN-1'--" : targets.customerNumber();
    }

    private static String id(Targets targets, long id) {
        return targets.variant() == IdVariant.MALFORMED ? "1'--" : String.valueOf(id);
    }

    private static String token(Targets targets) {
        return targets.variant() == IdVariant.MALFORMED ? "..'--" : targets.token();
    }
}
