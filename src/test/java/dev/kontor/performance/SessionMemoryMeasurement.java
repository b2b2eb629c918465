package dev.kontor.performance;

import dev.kontor.user.TestTasks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.internal.MockVaadinKt;
import com.vaadin.browserless.internal.SessionObjects;
import com.vaadin.browserless.internal.UIFactory;
import com.vaadin.browserless.mocks.MockHttpSession;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ElementData;
import com.vaadin.flow.server.SessionInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlWriter;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.audit.ui.AuditLogView;
import dev.kontor.partner.ui.ManagedCustomersView;
import dev.kontor.security.SecondStep;
import dev.kontor.support.ui.SupportLookupView;
import dev.kontor.tenant.ui.TenantsView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Live heap per signed-in session with each main view open: not part of {@code ./mvnw verify} (the class name does not
 * end in Test); run it with
 * {@code ./mvnw -o test -Dtest=SessionMemoryMeasurement -Dsurefire.failIfNoSpecifiedTests=false} (add
 * {@code -Dkontor.sessions=100} for another N, {@code -Dkontor.histogram=40} for more histogram lines).
 *
 * <p>Each view gets N sessions of its own, each as a server holds one: a Vaadin session in an HTTP session that keeps
 * the signed-in person's security context (password and second factor), one UI navigated to the view by the real
 * router, the clicks a person makes (the account dialog opened, the tree expanded, a search typed, the grid's first
 * page fetched as the browser asks for it), and after each step the UIDL answer written as the server writes it (which
 * clears the state tree's pending changes and keeps the last answer for a resend, as the UIDL handler does). A class
 * histogram of live objects (a full GC, as {@code jcmd GC.class_histogram} gives it) before and after the N sessions
 * tells the bytes per session and which classes hold them; the used heap after {@code System.gc()} is printed as a
 * cross-check. The grids are filled with more than a page: a partner with 60 customers (whose creation also fills the
 * audit log) signs in for the managed customers and the audit log, and support searches for those customers.
 *
 * <p>Not measured: Tomcat's own session object and the browser's socket (a few hundred bytes), and whatever the
 * browser's later requests (heartbeats, scrolling) add.
 */
@ViewTest
class SessionMemoryMeasurement extends SpringBrowserlessTest {

    private static final int SESSIONS = Integer.getInteger("kontor.sessions", 50);
    private static final int HISTOGRAM_LINES = Integer.getInteger("kontor.histogram", 25);
    private static final boolean WALK = Boolean.getBoolean("kontor.walk");
    private static final UIFactory UI_FACTORY = MockedUI::new;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private Fixtures fixtures;

    @Autowired
    private org.springframework.context.ConfigurableApplicationContext context;

    @Autowired
    private dev.kontor.partner.PartnerProvisioning provisioning;

    /** What every session reaches but does not own: the singletons, the Vaadin service and the servlet context. */
    private Set<Object> stops() {
        Set<Object> stops = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        var beans = context.getBeanFactory();
        for (String name : beans.getSingletonNames()) {
            Object bean = beans.getSingleton(name);
            if (bean != null) {
                stops.add(bean);
            }
        }
        stops.add(context);
        stops.add(VaadinService.getCurrent());
        stops.add(((VaadinServletService) VaadinService.getCurrent()).getServlet());
        stops.add(((VaadinServletService) VaadinService.getCurrent()).getServlet().getServletContext());
        return stops;
    }

    private record Scenario(String name, String person, Consumer<SessionMemoryMeasurement> open) {
    }

    /** What a server keeps of a session between requests: the HTTP session (which holds the Vaadin session) and its UI. */
    private record OpenSession(MockHttpSession httpSession, VaadinSession session, UI ui) {
    }

    @Test
    void prints_the_live_heap_per_session_for_each_main_view() throws Exception {
        Fixtures.TestPartner partner = fixtures.partner("Memory Hosting");
        for (int i = 0; i < 60; i++) {
            Fixtures.NewCustomer customer = fixtures.newCustomerOf(partner, "Manager");
            // an active partnership with rights, as a partner's customers have: without it the customer sits below
            // the partner but is none of its managed customers, and the grid would measure empty
            provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                    java.util.EnumSet.of(dev.kontor.organization.OrganizationRight.VIEW,
                            dev.kontor.organization.OrganizationRight.MANAGE_USERS),
                    customer.managerEmail(), customer.managerUserId());
        }
        String partnerAdmin = partner.adminEmail();
        List<Scenario> scenarios = List.of(
                new Scenario("dashboard", DemoPeople.ANNA,
                        test -> test.navigate(DashboardView.class)),
                new Scenario("account dialog open", DemoPeople.ANNA,
                        test -> test.navigate("accounts/CN-10001", DashboardView.class)),
                new Scenario("managed customers (60, first page)", partnerAdmin, test -> {
                    test.navigate(ManagedCustomersView.class);
                    test.fetchFirstPage(test.find(Grid.class).withId("managed-customers").single());
                }),
                new Scenario("tenants, tree expanded", DemoPeople.PARTNER_ADMIN, test -> {
                    test.navigate(TenantsView.class);
                    @SuppressWarnings("unchecked")
                    TreeGrid<Object> tree = test.find(TreeGrid.class).withId("tenant-tree").single();
                    expandAll(tree, null, 6);
                    test.fetchFirstPage(tree);
                }),
                new Scenario("support with results", DemoPeople.SUPPORT, test -> {
                    test.navigate(SupportLookupView.class);
                    test.test(test.find(TextField.class).withId("lookup-search").single()).setValue("Customer");
                }),
                new Scenario("audit log (first page)", partnerAdmin, test -> {
                    test.navigate(AuditLogView.class);
                    test.fetchFirstPage(test.find(Grid.class).withId("audit-events").single());
                }));

        // development mode (which the tests run in) keeps a stack trace of every component for the dev tools; the
        // production jar does not, so neither does this measurement
        Field trackerOff = ComponentTracker.class.getDeclaredField("disabled");
        trackerOff.setAccessible(true);
        trackerOff.set(null, Boolean.TRUE);
        VaadinServletService service = (VaadinServletService) VaadinService.getCurrent();
        SecurityContext before = SecurityContextHolder.getContext();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nLive heap per session, N = %d (%s, %s, -Xmx%d MB)%n", SESSIONS,
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20));
        report.append(String.format(Locale.ROOT, "%-38s %12s %12s%n", "view", "histogram", "used heap"));
        StringBuilder details = new StringBuilder();
        try {
            for (Scenario scenario : scenarios) {
                // classes loaded, caches warmed and translations read before the baseline
                close(open(service, scenario, 3));
                Map<String, long[]> baseline = histogram();
                long usedBefore = usedAfterGc();
                List<OpenSession> sessions = open(service, scenario, SESSIONS);
                Map<String, long[]> after = histogram();
                long usedAfter = usedAfterGc();
                long histogramBytes = totalBytes(after) - totalBytes(baseline);
                report.append(String.format(Locale.ROOT, "%-38s %9.1f KB %9.1f KB%n", scenario.name(),
                        histogramBytes / 1024.0 / SESSIONS, (usedAfter - usedBefore) / 1024.0 / SESSIONS));
                details.append(String.format(Locale.ROOT, "%n%s: the classes that grew most, per session%n",
                        scenario.name()));
                details.append(census);
                details.append(topGrowth(baseline, after));
                // printed as it comes, so that a long run shows its views one by one
                System.out.println(report);
                System.out.println(details);
                close(sessions);
            }
        } finally {
            SecurityContextHolder.setContext(before);
        }
        System.out.println(report);
        System.out.println(details);
    }

    private String census = "";

    /**
     * How many state nodes (one per element, each with its features, listeners and maps) each part of Kontor's own
     * screens holds: a part is the nearest enclosing class of Kontor's, so a section counts its fields and grid rows.
     */
    private static String census(UI ui) {
        Map<String, Integer> nodes = new HashMap<>();
        int[] all = {0};
        ui.getElement().getNode().visitNodeTree(node -> {
            all[0]++;
            String owner = "(Vaadin's own)";
            for (StateNode at = node; at != null; at = at.getParent()) {
                if (at.hasFeature(ElementData.class) || at.hasFeature(com.vaadin.flow.internal.nodefeature
                        .ComponentMapping.class)) {
                    var component = at.getFeature(com.vaadin.flow.internal.nodefeature.ComponentMapping.class)
                            .getComponent();
                    if (component.isPresent() && component.get().getClass().getName().startsWith("dev.kontor")) {
                        owner = component.get().getClass().getSimpleName();
                        break;
                    }
                }
            }
            nodes.merge(owner, 1, Integer::sum);
        });
        StringBuilder lines = new StringBuilder(String.format(Locale.ROOT,
                "  %d state nodes; last UIDL answer kept: %.1f KB; by part:%n", all[0],
                ui.getInternals().getLastRequestResponse().length() / 1024.0));
        ui.getElement().getNode().visitNodeTree(node -> {
            if (node.hasFeature(com.vaadin.flow.internal.nodefeature.ComponentMapping.class)) {
                node.getFeature(com.vaadin.flow.internal.nodefeature.ComponentMapping.class).getComponent()
                        .filter(component -> component instanceof Grid<?> && !(component instanceof TreeGrid<?>))
                        .map(Grid.class::cast)
                        .ifPresent(grid -> lines.append(String.format(Locale.ROOT, "  grid %s: %d rows in its data%n",
                                grid.getId().orElse("?"), grid.getGenericDataView().getItems().count())));
            }
        });
        nodes.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(entry -> lines.append(String.format(Locale.ROOT, "  %8d  %s%n", entry.getValue(),
                        entry.getKey())));
        return lines.toString();
    }

    private List<OpenSession> open(VaadinServletService service, Scenario scenario, int count) {
        Map<Class<?>, CurrentInstance> test = CurrentInstance.getInstances();
        List<OpenSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SessionObjects objects = MockVaadin.createSessionObjects(service);
            CurrentInstance.set(VaadinRequest.class, objects.getRequest());
            CurrentInstance.set(VaadinResponse.class, objects.getResponse());
            VaadinSession.setCurrent(objects.getSession());
            SecurityContext context = signedIn(scenario.person());
            SecurityContextHolder.setContext(context);
            objects.getHttpSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            MockVaadinKt.fireSessionInitListeners(service,
                    new SessionInitEvent(service, objects.getSession(), objects.getRequest()));
            MockVaadin.createUI(UI_FACTORY, objects.getSession());
            UI ui = UI.getCurrent();
            answer(ui);
            scenario.open().accept(this);
            answer(ui);
            sessions.add(new OpenSession(objects.getHttpSession(), objects.getSession(), ui));
            if (i == 0 && count == SESSIONS) {
                census = census(ui) + (WALK ? new Holders(stops()).walk(objects.getHttpSession()) : "");
            }
            // the request is over: nothing of it stays but what the session holds
            CurrentInstance.restoreInstances(test);
        }
        return sessions;
    }

    /** Opens every node of the tree down to the given depth, as a person clicking each toggle would. */
    private static void expandAll(TreeGrid<Object> tree, Object parent, int depth) {
        if (depth == 0) {
            return;
        }
        List<Object> children = tree.getDataProvider().fetchChildren(new HierarchicalQuery<>(null, parent)).toList();
        for (Object child : children) {
            if (tree.getDataProvider().hasChildren(child)) {
                tree.expand(child);
                expandAll(tree, child, depth - 1);
            }
        }
    }

    /** Ends the sessions as a server does when they time out, so that the next view's baseline holds none. */
    private static void close(List<OpenSession> sessions) {
        VaadinSession testSession = VaadinSession.getCurrent();
        UI testUi = UI.getCurrent();
        for (OpenSession open : sessions) {
            VaadinSession.setCurrent(open.session());
            UI.setCurrent(open.ui());
            MockVaadin.fireSessionDestroyAndDrain(open.session());
        }
        sessions.clear();
        VaadinSession.setCurrent(testSession);
        UI.setCurrent(testUi);
    }

    /** What the browser asks for when a grid shows: its first page of rows. */
    private void fetchFirstPage(Grid<?> grid) {
        answer(UI.getCurrent());
        grid.getDataCommunicator().setViewportRange(0, grid.getPageSize());
        roundTrip();
    }

    /** Writes the UIDL answer as the server does after a request, and keeps it as the UIDL handler does. */
    private static void answer(UI ui) {
        roundTrip();
        String json = new UidlWriter().createUidl(ui, false).toString();
        ui.getInternals().setLastRequestResponse(json);
    }

    private SecurityContext signedIn(String email) {
        UserDetails user = userDetails.loadUserByUsername(email);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(SecondStep.TOTP_AUTHORITY));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        return context;
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The live objects by class, after the full GC that {@code jcmd GC.class_histogram} makes. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.merge(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }

    private static long totalBytes(Map<String, long[]> histogram) {
        return histogram.values().stream().mapToLong(counts -> counts[1]).sum();
    }

    private static String topGrowth(Map<String, long[]> baseline, Map<String, long[]> after) {
        Map<String, long[]> growth = new LinkedHashMap<>();
        after.forEach((name, counts) -> {
            long[] was = baseline.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        StringBuilder lines = new StringBuilder();
        growth.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(HISTOGRAM_LINES)
                .forEach(entry -> lines.append(String.format(Locale.ROOT, "  %8.1f KB %8.1f objects  %s%n",
                        entry.getValue()[1] / 1024.0 / SESSIONS, entry.getValue()[0] / (double) SESSIONS,
                        entry.getKey())));
        return lines.toString();
    }
}
