package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.kontor.base.ui.NotFoundView;
import dev.kontor.security.ui.LoginView;
import dev.kontor.security.ServiceMatrix.Entry;
import dev.kontor.security.ServiceMatrix.Scope;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * The isolation matrix (issue 12, "the proof that stays in CI"): every public service method and every route that
 * takes an id of someone's data is tried by every attacker ({@link Attacker}) with the victim's ids and with unknown,
 * negative, huge and malformed ones. Every attempt must be refused, change nothing, show nothing of the victim, and
 * (for a signed-in attacker) leave a refusal in the audit log. A public service method or a route that the matrix
 * neither tries nor exempts with a reason fails the build, so that the next method is tried when it is written.
 * <p>
 * Reads whose refusal is an empty answer by design, and refusals by Spring Security before a service runs (nobody
 * signed in; the application's own provisioning methods), are not audited: there is nobody to name, or no page that
 * could call them. Known holes, found and not yet closed, are listed in {@link #KNOWN_HOLES}: the matrix prints them
 * instead of failing, so that they stay visible until they are closed and removed from the list.
 */
@ViewTest
class IsolationMatrixTest extends SpringBrowserlessTest {

    /**
     * Holes found by the matrix and not closed yet, with what is wrong: keyed "signature as ATTACKER", "signature
     * with VARIANT" (every attacker) or the signature alone (every attempt). The goal is an empty map.
     */
    static final Map<String, String> KNOWN_HOLES = new LinkedHashMap<>();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    I18NProvider texts;

    @TestFactory
    Stream<DynamicNode> every_attempt_on_someone_elses_data_is_refused_changes_nothing_leaks_nothing_and_is_audited() {
        MatrixWorld world = new MatrixWorld(context);
        Judge judge = new Judge(jdbc, world, texts);
        ServiceMatrix services = new ServiceMatrix(context, world.tag);
        Map<IdVariant, Targets> targets = new LinkedHashMap<>();
        for (IdVariant variant : IdVariant.values()) {
            targets.put(variant, Targets.of(world, variant));
        }
        Tally tally = new Tally();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Entry entry : services.entries().values()) {
            List<DynamicTest> attempts = new ArrayList<>();
            for (Attacker attacker : attackersOf(entry)) {
                for (IdVariant variant : variantsOf(entry)) {
                    attempts.add(DynamicTest.dynamicTest(attacker + " with " + variant + " ids",
                            () -> tally.judged(entry.signature(), attacker, variant,
                                    attempt(world, judge, entry, attacker, targets.get(variant)))));
                }
            }
            nodes.add(org.junit.jupiter.api.DynamicContainer.dynamicContainer(entry.signature(), attempts));
        }
        List<RouteMatrix.Route> routes = RouteMatrix.routes();
        for (RouteMatrix.Route route : routes) {
            List<DynamicTest> attempts = new ArrayList<>();
            for (Attacker attacker : Attacker.values()) {
                if (route.entitled().containsKey(attacker)) {
                    continue;
                }
                for (IdVariant variant : route.variants()) {
                    attempts.add(DynamicTest.dynamicTest(attacker + " with " + variant + " ids",
                            () -> tally.judged("/" + route.template(), attacker, variant,
                                    visit(world, judge, route, attacker, targets.get(variant)))));
                }
            }
            nodes.add(org.junit.jupiter.api.DynamicContainer.dynamicContainer("/" + route.template(), attempts));
        }
        nodes.add(DynamicTest.dynamicTest("the figures", () -> {
            System.out.println("ISOLATION MATRIX: " + tally.attempts + " attempts, " + services.entries().size()
                    + " methods, " + routes.size() + " routes");
            System.out.println("ISOLATION MATRIX: " + tally.routeAttempts + " of the attempts on routes; exempt with "
                    + "a reason: " + ServiceMatrix.EXEMPT.size() + " methods and " + RouteMatrix.EXEMPT.size()
                    + " routes without an id; known holes: " + tally.knownHoles.size() + " ("
                    + tally.knownHoles.values().stream().mapToInt(List::size).sum() + " attempts)");
            tally.knownHoles.forEach((hole, attempts) -> System.out.println("ISOLATION MATRIX KNOWN HOLE: " + hole
                    + " (" + attempts.size() + " attempts, e.g. " + attempts.getFirst() + ")"));
            assertThat(tally.attempts.get()).isGreaterThanOrEqualTo(500);
        }));
        return nodes.stream();
    }

    @Test
    void the_matrix_reports_every_attempt_of_someone_who_is_entitled_to_it() {
        MatrixWorld world = new MatrixWorld(context);
        Judge judge = new Judge(jdbc, world, texts);
        Entry change = new ServiceMatrix(context, world.tag).entries()
                .get("AccountService.updateMasterData(long,long,MasterData)");
        Entry read = new ServiceMatrix(context, world.tag).entries().get("ContactService.page(long,Pageable)");
        Targets victim = Targets.of(world, IdVariant.FOREIGN);
        world.standIn(Attacker.OTHER_MANAGER, world.manager);

        assertThat(attempt(world, judge, read, Attacker.OTHER_MANAGER, victim)).anyMatch(
                problem -> problem.startsWith("not refused")).anyMatch(problem -> problem.startsWith("shows "));
        assertThat(attempt(world, judge, change, Attacker.OTHER_MANAGER, victim))
                .anyMatch(problem -> problem.startsWith("not refused"))
                .anyMatch(problem -> problem.startsWith("changed customer_account"))
                .anyMatch(problem -> problem.startsWith("not audited"));
        assertThat(visit(world, judge, RouteMatrix.routes().getFirst(), Attacker.OTHER_MANAGER, victim))
                .anyMatch(problem -> problem.startsWith("not refused"));
    }

    @Test
    void every_public_service_method_and_every_route_with_an_id_is_in_the_matrix() {
        Set<String> covered = new ServiceMatrix(context, "coverage").entries().keySet();
        List<String> missing = new ArrayList<>();
        for (Class<?> bean : beans()) {
            if (!Modifier.isPublic(bean.getModifiers()) || ServiceMatrix.EXEMPT_CLASSES.containsKey(
                    bean.getSimpleName())) {
                continue;
            }
            for (Method method : bean.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge()) {
                    String signature = signatureOf(method);
                    if (!covered.contains(signature) && !ServiceMatrix.EXEMPT.containsKey(signature)) {
                        missing.add(signature);
                    }
                }
            }
        }
        Set<String> listedRoutes = new TreeSet<>(RouteMatrix.EXEMPT.keySet());
        RouteMatrix.routes().forEach(route -> listedRoutes.add(RouteMatrix.covered(route.template())));
        for (String template : routeTemplates()) {
            if (!listedRoutes.contains(template)) {
                missing.add("route /" + template);
            }
        }
        assertThat(missing).as("public service methods and routes that the isolation matrix neither tries nor "
                + "exempts (add a line to ServiceMatrix or RouteMatrix)").isEmpty();
        Set<String> existing = allSignatures();
        assertThat(ServiceMatrix.EXEMPT.keySet().stream().filter(signature -> !existing.contains(signature)))
                .as("exemptions of methods that no longer exist").isEmpty();
        assertThat(new ServiceMatrix(context, "coverage").entries().keySet().stream()
                .filter(signature -> !existing.contains(signature)))
                .as("attempts on methods that no longer exist").isEmpty();
    }

    private Set<String> allSignatures() {
        Set<String> all = new TreeSet<>();
        for (Class<?> bean : beans()) {
            for (Method method : bean.getDeclaredMethods()) {
                all.add(signatureOf(method));
            }
        }
        return all;
    }

    private static String signatureOf(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",")) + ")";
    }

    /** Every @Service and @Component class of Kontor itself (not its configurations, not test components). */
    private static List<Class<?>> beans() {
        AnnotationTypeFilter bean = new AnnotationTypeFilter(org.springframework.stereotype.Component.class);
        AnnotationTypeFilter configuration = new AnnotationTypeFilter(Configuration.class);
        // every bean class, also those whose conditions (profiles, properties) leave them out of this context
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) throws IOException {
                return bean.match(reader, getMetadataReaderFactory())
                        && !configuration.match(reader, getMetadataReaderFactory());
            }
        };
        return scanner.findCandidateComponents("dev.kontor").stream().map(IsolationMatrixTest::load)
                .filter(type -> !type.getProtectionDomain().getCodeSource().getLocation().toString()
                        .contains("test-classes"))
                .toList();
    }

    /** Every route template and route alias of Kontor. */
    private static Set<String> routeTemplates() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> templates = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.kontor")) {
            Class<?> view = load(definition);
            if (view.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")) {
                continue;
            }
            templates.add(view.getAnnotation(Route.class).value());
            for (RouteAlias alias : view.getAnnotationsByType(RouteAlias.class)) {
                templates.add(alias.value());
            }
        }
        return templates;
    }

    private static Class<?> load(BeanDefinition definition) {
        try {
            return Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Attacker> attackersOf(Entry entry) {
        Set<Attacker> attackers = EnumSet.allOf(Attacker.class);
        if (!entry.write()) {
            // support reads customer data for a ticket by design
            attackers.remove(Attacker.SUPPORT);
        }
        if (entry.scope() == Scope.PARTNER) {
            // the victim partner's own administrator acts for it; its employees may read its lists
            attackers.remove(Attacker.PARTNER_OUTSIDE_ACCESS_SESSION);
            if (!entry.write()) {
                attackers.remove(Attacker.UNASSIGNED_PARTNER_EMPLOYEE);
            }
        }
        attackers.removeAll(entry.entitled().keySet());
        return attackers;
    }

    private static Set<IdVariant> variantsOf(Entry entry) {
        Set<IdVariant> variants = EnumSet.of(IdVariant.FOREIGN, IdVariant.UNKNOWN, IdVariant.NEGATIVE, IdVariant.HUGE);
        if (entry.scope() == Scope.TOKEN) {
            variants.remove(IdVariant.FOREIGN);
        }
        if (entry.takesText()) {
            variants.add(IdVariant.MALFORMED);
        }
        return variants;
    }

    private List<String> attempt(MatrixWorld world, Judge judge, Entry entry, Attacker attacker, Targets targets) {
        Map<String, String> before = judge.snapshot();
        long lastAudit = judge.lastAuditId();
        Object result = null;
        Throwable thrown = null;
        signIn(world, attacker);
        try {
            result = entry.invocation().call(targets);
        } catch (Throwable e) {
            thrown = e;
        } finally {
            SecurityContextHolder.clearContext();
        }
        Judge.Outcome outcome = Judge.outcomeOf(thrown, result);
        List<String> problems = new ArrayList<>();
        switch (outcome) {
            case SUCCEEDED -> {
                if (entry.ownScope() == null) {
                    problems.add("not refused: it ran" + (result == null ? "" : " and answered " + result));
                }
            }
            case FAILED -> problems.add("failed with " + thrown + " instead of a refusal");
            case REFUSED_BY_SECURITY -> {
                if (attacker != Attacker.ANONYMOUS && !entry.systemOnly()) {
                    problems.add("refused by Spring Security only: " + thrown);
                }
            }
            case EMPTY -> {
                if (entry.ownScope() == null && targets.variant() == IdVariant.FOREIGN) {
                    problems.add("answered empty instead of refusing");
                }
            }
            case REFUSED -> { }
        }
        problems.addAll(Judge.changes(before, judge.snapshot()));
        judge.leaks(judge.shown(thrown, result), attacker).forEach(leak -> problems.add("shows " + leak));
        problems.addAll(Judge.numbersIn(thrown, targets));
        boolean auditable = attacker != Attacker.ANONYMOUS && !entry.systemOnly() && entry.ownScope() == null
                && outcome != Judge.Outcome.EMPTY;
        if (auditable && judge.denialsSince(lastAudit, world.emailOf(attacker)) == 0) {
            problems.add("not audited (" + outcome + (thrown == null ? "" : ": " + thrown) + ")");
        }
        return problems;
    }

    private List<String> visit(MatrixWorld world, Judge judge, RouteMatrix.Route route, Attacker attacker,
                               Targets targets) {
        Map<String, String> before = judge.snapshot();
        long lastAudit = judge.lastAuditId();
        String location = route.location().apply(targets);
        signIn(world, attacker);
        List<String> problems = new ArrayList<>();
        HasElement shown = null;
        try {
            int query = location.indexOf('?');
            if (query < 0) {
                UI.getCurrent().navigate(location);
            } else {
                UI.getCurrent().navigate(location.substring(0, query),
                        QueryParameters.fromString(location.substring(query + 1)));
            }
            shown = getCurrentView();
        } catch (Exception e) {
            problems.add("opening " + location + " failed with " + e);
        }
        HasElement view = shown;
        String text = UI.getCurrent().getElement().getTextRecursively();
        UI.getCurrent().getChildren().filter(Dialog.class::isInstance).toList()
                .forEach(dialog -> UI.getCurrent().remove((Component) dialog));
        SecurityContextHolder.clearContext();
        if (view != null && RouteMatrix.REFUSAL_PAGES.stream().noneMatch(page -> page.isInstance(view))) {
            problems.add("not refused: " + location + " showed " + view.getClass().getSimpleName());
        }
        problems.addAll(Judge.changes(before, judge.snapshot()));
        judge.leaks(text, attacker).forEach(leak -> problems.add("shows " + leak));
        boolean nothingLookedUp = view instanceof NotFoundView && targets.variant() == IdVariant.MALFORMED;
        if (attacker != Attacker.ANONYMOUS && !route.token() && !nothingLookedUp
                && judge.denialsSince(lastAudit, world.emailOf(attacker)) == 0) {
            problems.add("not audited (" + (view == null ? "no page" : view.getClass().getSimpleName()) + ")");
        }
        if (attacker == Attacker.ANONYMOUS && !route.token() && !(view instanceof LoginView)) {
            problems.add("nobody signed in, and not sent to sign in: " + location);
        }
        if (text.contains("Exception")) {
            problems.add("shows a stack trace");
        }
        return problems;
    }

    private void signIn(MatrixWorld world, Attacker attacker) {
        SecurityContextHolder.clearContext();
        if (attacker != Attacker.ANONYMOUS) {
            fixtures.signIn(world.emailOf(attacker));
        }
    }

    /** Counts attempts and fails those with problems, unless they are a known hole (then prints them). */
    private static final class Tally {

        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger routeAttempts = new AtomicInteger();
        /** The known holes that attempts ran into, each with the attempts. */
        final Map<String, List<String>> knownHoles = new LinkedHashMap<>();

        void judged(String what, Attacker attacker, IdVariant variant, List<String> problems) {
            attempts.incrementAndGet();
            if (what.startsWith("/")) {
                routeAttempts.incrementAndGet();
            }
            if (problems.isEmpty()) {
                return;
            }
            String key = what + " as " + attacker;
            String known = KNOWN_HOLES.containsKey(key) ? key : KNOWN_HOLES.containsKey(what + " with " + variant)
                    ? what + " with " + variant : KNOWN_HOLES.containsKey(what) ? what : null;
            String description = key + " with " + variant + " ids: " + String.join("; ", problems);
            if (known != null) {
                knownHoles.computeIfAbsent(known + ": " + KNOWN_HOLES.get(known), hole -> new ArrayList<>())
                        .add(description);
                return;
            }
            throw new AssertionError(description);
        }
    }
}
