package dev.kontor.load;

import static dev.kontor.load.Vaadin.click;
import static dev.kontor.load.Vaadin.client;
import static dev.kontor.load.Vaadin.closed;
import static dev.kontor.load.Vaadin.followLocation;
import static dev.kontor.load.Vaadin.id;
import static dev.kontor.load.Vaadin.location;
import static dev.kontor.load.Vaadin.noId;
import static dev.kontor.load.Vaadin.page;
import static dev.kontor.load.Vaadin.row;
import static dev.kontor.load.Vaadin.shows;
import static dev.kontor.load.Vaadin.text;
import static dev.kontor.load.Vaadin.uidl;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kontor under load, driven through Vaadin's own protocol (see {@link Vaadin}): every virtual user signs in (form
 * login with its CSRF token, then the authenticator code for people with a second factor), works through one journey
 * a few rounds with think time between the clicks, and signs out.
 * <ul>
 *   <li>manager: dashboard, the account dialog, and (where the account has a second active manager) a new contact
 *   person chosen from the combo box and saved;</li>
 *   <li>partner: managed customers filtered by name, an access session entered with a reason (needs the second
 *   factor of this sign-in) and left again;</li>
 *   <li>support: a lookup by name and the first result's card;</li>
 *   <li>tenants: the tenant tree, a node with children expanded.</li>
 * </ul>
 * The people come from CSV files ({@code managers.csv}, {@code partners.csv}, {@code support.csv},
 * {@code tenants.csv}) in the folder {@code -Dkontor.load.people} (a folder on disk, or {@code demo}: the demo
 * people, from the classpath). How to run it and what it measured: {@code docs/performance-load.md}.
 */
public class KontorJourneys extends Simulation {

    static final String BASE_URL = System.getProperty("kontor.load.url", "http://localhost:8080");
    static final String PEOPLE = System.getProperty("kontor.load.people", "demo");
    static final String PASSWORD = System.getProperty("kontor.load.password", "Kontor-Demo-2026!");
    /** Concurrent virtual users in all four journeys together. */
    static final int USERS = Integer.getInteger("kontor.load.users", 12);
    static final Duration RAMP = Duration.ofSeconds(Long.getLong("kontor.load.ramp", 30));
    static final Duration HOLD = Duration.ofSeconds(Long.getLong("kontor.load.duration", 120));
    static final Duration THINK = Duration.ofMillis(Long.getLong("kontor.load.think-ms", 10_000));
    /**
     * How many times each virtual user works through its journey between signing in and out: one number for all, or
     * four (managers, partners, support, tenants). Staff who share a person (support, tenants) sign in at most twice
     * a minute per person (one authenticator time step each), so more rounds keep them working instead of waiting.
     */
    static final int[] ROUNDS = perJourney(System.getProperty("kontor.load.rounds", "3"));
    /** Off: managers only look (dashboard and dialog), whatever their rows say; for runs with few managers. */
    static final boolean CHANGE_CONTACT =
            Boolean.parseBoolean(System.getProperty("kontor.load.change-contact", "true"));
    /** The share of each journey in {@link #USERS}, in percent: managers, partners, support, tenants. */
    static final int[] SHARES = shares(System.getProperty("kontor.load.shares", "40,20,20,20"));

    /**
     * What one virtual user holds at a time, with when it took it: an account whose contact person it changes (a
     * change must not race another one in the same account), a partner person it is signed in as.
     */
    private static final Map<String, Long> HELD = new ConcurrentHashMap<>();
    /** After this a hold counts as left behind by a virtual user that failed while holding it. */
    private static final long LOCK_LEASE_MILLIS = 600_000;

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("*/*")
            .acceptLanguageHeader("en")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Kontor load test (Gatling)")
            // every virtual user its own client address, as real users have: Kontor limits the sign-ins of one
            // address (a burst of concurrent sign-ins from one address runs its bucket dry), and behind a proxy
            // (the postgres profile: forward-headers-strategy=native, localhost trusted) it reads the address here
            .header("X-Forwarded-For", "#{clientAddress}");

    // --- sign-in and sign-out

    static ChainBuilder signIn() {
        return exec(Vaadin.newTab())
                .exec(page("sign-in page", "login"))
                .exec(session -> session.contains("springCsrf") ? session : session.markAsFailed())
                .exitHereIfFailed()
                .exec(http("sign in: password")
                        .post("/login")
                        .formParam("username", "#{email}")
                        .formParam("password", session -> password(session))
                        .formParam("_csrf", "#{springCsrf}")
                        .disableFollowRedirect()
                        .check(status().is(302))
                        .check(header("Location")
                                .transform(target -> target.contains("error") || target.contains("unavailable")
                                        ? "refused: " + target : route(target))
                                .validate("signed in", (target, session) -> {
                                    if (target.startsWith("refused")) {
                                        throw new IllegalStateException(target);
                                    }
                                    return target;
                                })
                                .saveAs("afterPassword")))
                .exitHereIfFailed()
                .doIfOrElse(session -> !secret(session).isEmpty()).then(
                        exec(page("sign in: code page", "sign-in/code", id("second-step-code"),
                                id("second-step-submit")))
                                .exec(session -> session.set("totpStep", Totp.reserve(session.getString("email"))))
                                .pause(session -> Totp.waitFor(session.getLong("totpStep")))
                                .exec(uidl("sign in: code", session -> {
                                    VaadinClient client = client(session);
                                    String code = Totp.code(secret(session), session.getLong("totpStep"));
                                    List<ObjectNode> rpc = new ArrayList<>(VaadinClient.typeAndLeave(
                                            client.requireNode("second-step-code"), code));
                                    rpc.add(VaadinClient.click(client.requireNode("second-step-submit")));
                                    return rpc;
                                }, location()))
                                .exec(followLocation("start page", id("sign-out"))))
                .orElse(exec(page("start page", session -> session.getString("afterPassword"), id("sign-out"))));
    }

    static ChainBuilder signOut() {
        return Vaadin.signOut("sign out", "sign-out");
    }

    // --- the journeys

    static ChainBuilder managerRound() {
        return exec(pause())
                .doIf(KontorJourneys::changesContact).then(
                        asLongAs(session -> !lock("account " + session.getString("account"))).on(exec(shortPause())))
                .exec(page("dashboard", "", id(session -> "account-" + session.getString("account"))))
                .exec(pause())
                .exec(click("open account dialog", session -> "edit-" + session.getString("account"),
                        id("account-data-dialog"), id("contact-person-name")))
                .doIf(KontorJourneys::changesContact).then(
                        exec(shortPause())
                                .exec(click("edit contact person", "edit-contact-person", id("contact-person-choice")))
                                .exec(uidl("contact person choices", session -> List.of(
                                        client(session).comboBoxItems(
                                                client(session).requireNode("contact-person-choice"))),
                                        (client, body, session) -> client.rows("contact-person-choice").size() >= 2
                                                ? null : "fewer than two managers to choose from"))
                                .exec(shortPause())
                                .exec(uidl("choose contact person", session -> {
                                    VaadinClient client = client(session);
                                    JsonNode other = otherManager(client);
                                    int choice = client.requireNode("contact-person-choice");
                                    return List.of(VaadinClient.sync(choice, "value", other.path("key").asText()),
                                            VaadinClient.event(choice, "value-changed", null));
                                }, text("selectedItem")))
                                // the label is "name · e-mail": the address alone is plain ASCII in any answer
                                .exec(session -> session.set("newContact", otherManager(client(session))
                                        .path("label").asText().replaceFirst("^.* · ", "")))
                                .exec(click("save contact person", "save-contact-person",
                                        shows("contact-person-name", session -> session.getString("newContact"))))
                                .exec(session -> {
                                    unlock("account " + session.getString("account"));
                                    return session;
                                }))
                .exec(shortPause())
                .exec(click("close account dialog", "close-account-dialog", closed("account-data-dialog")))
                .exec(uidl("account dialog gone", session -> client(session).overlaysGone(),
                        noId("account-data-dialog")));
    }

    static ChainBuilder partnerRound() {
        return exec(pause())
                .exec(page("managed customers", session -> session.getString("customers"), id("managed-customers")))
                .exec(pause())
                .exec(uidl("filter customers", session -> VaadinClient.typeLive(
                        client(session).requireNode("customer-filter"), session.getString("filter")),
                        row("managed-customers", "number", session -> session.getString("account"))))
                .exec(pause())
                // the row's buttons are drawn in the browser: Access account calls the actions renderer's "enter"
                .exec(uidl("access account", session -> {
                    VaadinClient client = client(session);
                    String account = session.getString("account");
                    return List.of(client.callTemplateFunction("id=\"access-", "enter",
                            client.rowKey("managed-customers", "number", account).orElseThrow(
                                    () -> new IllegalStateException("no row of " + account))));
                }, id("enter-account")))
                .exec(shortPause())
                .exec(uidl("enter account", session -> {
                    VaadinClient client = client(session);
                    List<ObjectNode> rpc = new ArrayList<>(VaadinClient.typeAndLeave(
                            client.requireNode("access-reason"), "LOAD-" + session.userId()));
                    rpc.add(VaadinClient.click(client.requireNode("enter-account")));
                    return rpc;
                // the banner names the account in the person's language (the volume's partners speak German)
                }, id("access-banner-text"), text(session -> session.getString("account")), id("leave-account")))
                .exec(pause())
                .exec(click("leave account", "leave-account", location()))
                .exec(followLocation("managed customers after leaving", id("managed-customers"),
                        noId("leave-account")));
    }

    static ChainBuilder supportRound() {
        return exec(pause())
                .exec(page("support lookup", "support", id("lookup-search")))
                .exec(pause())
                .exec(uidl("search", session -> VaadinClient.typeLive(
                        client(session).requireNode("lookup-search"), session.getString("search")),
                        text(session -> session.getString("expect"))))
                .exec(shortPause())
                .exec(uidl("open card", session -> {
                    int results = client(session).requireNode("lookup-results");
                    return List.of(VaadinClient.sync(results, "selected", 0),
                            VaadinClient.event(results, "selected-changed", null));
                }, id("card-title"), text(session -> session.getString("expect"))));
    }

    static ChainBuilder tenantsRound() {
        return exec(pause())
                .exec(page("tenants", "tenants", id("tenant-tree"),
                        (client, body, session) -> client.treeToggleChannel().isPresent() ? null : "no tree toggle"))
                .exec(pause())
                // where the tenants lie below thousands of customer accounts (the volume data's partner 001), the
                // row names one to search for: the search opens the path to it
                .doIf(session -> !column(session, "search").isEmpty()).then(
                        exec(uidl("search tenants", session -> VaadinClient.typeLive(
                                client(session).requireNode("tenant-search"), column(session, "search")),
                                text(session -> column(session, "search"))))
                                .exec(shortPause()))
                .exec(session -> {
                    // after a search the matches' paths are open and what lies below a match is filtered out, and a
                    // person's tree may keep the nodes open that this person opened before: then the first open
                    // tenant is closed and opened again; otherwise the first closed node with children is opened
                    boolean searched = !column(session, "search").isEmpty();
                    List<JsonNode> rows = client(session).rows("tenant-tree");
                    JsonNode node = rows.stream()
                            .filter(row -> !searched && row.path("children").asBoolean(false)
                                    && !row.path("expanded").asBoolean(false))
                            .findFirst()
                            .or(() -> rows.stream()
                                    .filter(row -> row.path("children").asBoolean(false)
                                            && row.path("expanded").asBoolean(false)
                                            && row.path("level").asInt() > 0)
                                    .findFirst())
                            .orElse(null);
                    // none: the step below fails with its reason, counted as an error like every missing thing
                    return node == null ? session.set("expandKey", "").set("reopen", false)
                            : session.set("expandKey", node.path("key").asText())
                                    .set("expandLevel", node.path("level").asInt())
                                    .set("reopen", node.path("expanded").asBoolean(false));
                })
                .doIf(session -> session.getBoolean("reopen"))
                .then(exec(uidl("close tenant", session -> List.of(
                        client(session).toggleTreeRow(session.getString("expandKey")))))
                        .exec(shortPause()))
                .exec(uidl("expand tenant", session -> session.getString("expandKey").isEmpty() ? List.of()
                        : List.of(client(session).toggleTreeRow(session.getString("expandKey"))),
                        (client, body, session) -> session.getString("expandKey").isEmpty()
                                ? "no tenant with children in the tree's rows"
                                : body.contains("\"level\":" + (session.getInt("expandLevel") + 1))
                                ? null : "no rows below the expanded node"));
    }

    static ScenarioBuilder journey(String name, String people, ChainBuilder round, int rounds) {
        return scenario(name)
                .exec(KontorJourneys::clientAddress)
                .exec(feed(feeder(people)))
                .exec(signIn())
                .exec(repeat(rounds).on(round))
                .exec(pause())
                .exec(signOut());
    }

    /**
     * The partners' journey holds its person from signing in to signing out: signing out ends every access session
     * of the person, in every browser (by design), so two virtual users who are the same partner person at once
     * would end each other's sessions. With the demo's three partner people, the others wait for theirs.
     */
    static ScenarioBuilder partnerJourney(String people) {
        return scenario("partner")
                .exec(KontorJourneys::clientAddress)
                .exec(feed(feeder(people)))
                .exec(asLongAs(session -> !lock("person " + session.getString("email"))).on(exec(shortPause())))
                .exec(signIn())
                .exec(repeat(ROUNDS[1]).on(partnerRound()))
                .exec(pause())
                .exec(signOut())
                .exec(session -> {
                    unlock("person " + session.getString("email"));
                    return session;
                });
    }

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        String[] names = {"manager", "partner", "support", "tenants"};
        String[] files = {"managers.csv", "partners.csv", "support.csv", "tenants.csv"};
        ChainBuilder[] rounds = {managerRound(), partnerRound(), supportRound(), tenantsRound()};
        for (int i = 0; i < names.length; i++) {
            int users = Math.round(USERS * SHARES[i] / 100f);
            if (users == 0) {
                continue;
            }
            ScenarioBuilder scenario = i == 1 ? partnerJourney(files[i])
                    : journey(names[i], files[i], rounds[i], ROUNDS[i]);
            populations.add(scenario.injectClosed(
                    rampConcurrentUsers(0).to(users).during(RAMP),
                    constantConcurrentUsers(users).during(HOLD)));
        }
        setUp(populations).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    // --- helpers

    /** Think time: reading the page before the next click, {@link #THINK} ± 20 %. */
    private static ChainBuilder pause() {
        return CoreDsl.pause(THINK.multipliedBy(8).dividedBy(10), THINK.multipliedBy(12).dividedBy(10));
    }

    /** Choosing or typing within a form. */
    private static ChainBuilder shortPause() {
        return CoreDsl.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    private static boolean flag(Session session, String column) {
        return session.contains(column) && Boolean.parseBoolean(session.getString(column));
    }

    private static boolean changesContact(Session session) {
        return CHANGE_CONTACT && flag(session, "changeContact");
    }

    /**
     * The virtual user's own address in 198.18.0.0/15, the range set aside for benchmarks (RFC 2544); not a private
     * range, which Tomcat would take for one of its own proxies.
     */
    private static Session clientAddress(Session session) {
        long n = session.userId();
        return session.set("clientAddress", "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255));
    }

    /** A column of the person's row, or "" where the file has no such column or the row leaves it empty. */
    private static String column(Session session, String name) {
        String value = session.contains(name) ? session.getString(name) : null;
        return value == null ? "" : value.trim();
    }

    private static String secret(Session session) {
        String secret = session.contains("secret") ? session.getString("secret") : null;
        return secret == null ? "" : secret.trim();
    }

    private static String password(Session session) {
        String own = session.contains("password") ? session.getString("password") : null;
        return own == null || own.isBlank() ? PASSWORD : own;
    }

    /** A redirect's target as a route: no scheme, host or leading slash. */
    static String route(String target) {
        String path = target.replaceFirst("^https?://[^/]+", "");
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The first manager in the contact person choice who is not the contact person now. */
    private static JsonNode otherManager(VaadinClient client) {
        String current = client.textOf("contact-person-name");
        return client.rows("contact-person-choice").stream()
                .filter(row -> !row.path("label").asText().equals(current))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no other manager than " + current));
    }

    private static boolean lock(String what) {
        long now = System.currentTimeMillis();
        Long previous = HELD.putIfAbsent(what, now);
        if (previous == null) {
            return true;
        }
        // a virtual user that failed while holding it left it behind
        return previous < now - LOCK_LEASE_MILLIS && HELD.replace(what, previous, now);
    }

    private static void unlock(String what) {
        HELD.remove(what);
    }

    private static FeederBuilder<String> feeder(String file) {
        File onDisk = new File(PEOPLE, file);
        return (onDisk.isFile() ? csv(onDisk.getPath()) : csv(PEOPLE + "/" + file)).circular();
    }

    private static int[] perJourney(String value) {
        String[] parts = value.split(",");
        int[] numbers = new int[4];
        for (int i = 0; i < 4; i++) {
            numbers[i] = Integer.parseInt(parts[parts.length == 1 ? 0 : i].trim());
        }
        return numbers;
    }

    private static int[] shares(String value) {
        String[] parts = value.split(",");
        int[] shares = new int[4];
        for (int i = 0; i < 4; i++) {
            shares[i] = i < parts.length ? Integer.parseInt(parts[i].trim()) : 0;
        }
        return shares;
    }
}
