package dev.kontor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gatling steps that speak Vaadin Flow 25's client protocol, as the browser does (recorded from Chromium on Kontor):
 * a page is the HTML of the route, then {@code GET ?v-r=init} (the UI id, the CSRF token {@code Vaadin-Security-Key},
 * the sync and client ids), then the {@code ui-navigate} event that builds the view; every action afterwards is a
 * {@code POST ?v-r=uidl&v-uiId=N} with {@code csrfToken}, {@code syncId}, {@code clientId} and {@code rpc}
 * invocations (events, property syncs, published server methods, renderer channels) addressed to the node ids the
 * server gave the components, found by their element ids in its answers.
 * <p>
 * Every answer is checked: HTTP 200, a readable UIDL message without {@code sessionExpired} or {@code appError}, none
 * of Kontor's error notifications (unexpected failure, stale data, refused access), and the element ids and texts the
 * step expects. Anything else is a KO in the report, and the virtual user stops there.
 */
public final class Vaadin {

    static final String CLIENT = "vaadin";

    /** Kontor's error notifications (English, the load test's browsers ask for English). */
    private static final List<String> ERROR_TEXTS = List.of(
            "Something went wrong on our side",
            "Someone else changed this data in the meantime",
            "You have no access to this account, or it does not exist");

    private Vaadin() {
    }

    public static VaadinClient client(Session session) {
        return (VaadinClient) session.get(CLIENT);
    }

    /** What a step expects of the server's answer: {@code null} when it is there, else what is missing. */
    @FunctionalInterface
    public interface Expectation {
        String missing(VaadinClient client, String body, Session session);
    }

    public static Expectation id(String elementId) {
        return (client, body, session) -> client.node(elementId).isPresent() ? null : "no element #" + elementId;
    }

    public static Expectation id(Function<Session, String> elementId) {
        return (client, body, session) -> {
            String id = elementId.apply(session);
            return client.node(id).isPresent() ? null : "no element #" + id;
        };
    }

    /** A row in the grid whose template value {@code property} is the session's {@code value}. */
    public static Expectation row(String gridId, String property, Function<Session, String> value) {
        return (client, body, session) -> {
            String expected = value.apply(session);
            return client.rowKey(gridId, property, expected).isPresent() ? null
                    : "no row with " + property + " " + expected + " in #" + gridId;
        };
    }

    public static Expectation noId(String elementId) {
        return (client, body, session) -> client.node(elementId).isEmpty() ? null : "still element #" + elementId;
    }

    /** A text in this answer itself (as the JSON carries it: plain letters, no quotes or backslashes). */
    public static Expectation text(String text) {
        return (client, body, session) -> body.contains(text) ? null : "no text '" + text + "'";
    }

    public static Expectation text(Function<Session, String> text) {
        return (client, body, session) -> {
            String expected = text.apply(session);
            return body.contains(expected) ? null : "no text '" + expected + "'";
        };
    }

    /** The text shown in the element (as far as this page's answers told it) contains {@code text}. */
    public static Expectation shows(String elementId, Function<Session, String> text) {
        return (client, body, session) -> {
            String expected = text.apply(session);
            String shown = client.textOf(elementId);
            return shown.contains(expected) ? null : "#" + elementId + " shows '" + shown + "', not '" + expected + "'";
        };
    }

    public static Expectation closed(String elementId) {
        return (client, body, session) -> client.closed(elementId) ? null : "#" + elementId + " not closed";
    }

    public static Expectation location() {
        return (client, body, session) -> body.contains("window.open($0, $1)") ? null : "no new page to go to";
    }

    /** The virtual user's tab: a fresh Vaadin client state, with its own window name. */
    public static ChainBuilder newTab() {
        return exec(session -> session.set(CLIENT, new VaadinClient()));
    }

    /**
     * A full page load of {@code route} (a path without the leading slash): the browser's unload beacon for the page
     * it leaves, the HTML, the init request and the navigation, grouped under {@code name}.
     */
    public static ChainBuilder page(String name, Function<Session, String> route, Expectation... expected) {
        return group(name).on(
                // a browser's first page has nothing to leave
                doIf(session -> client(session).hasPage()).then(exec(http(name + ": leave page")
                        .post(session -> "/?v-r=uidl&v-uiId=" + client(session).uiId())
                        .body(StringBody(session -> client(session).unloadBeacon()))
                        .asJson()
                        .check(status().is(200)))),
                exec(http(name + ": html")
                        .get(session -> "/" + route.apply(session))
                        .check(status().is(200))
                        .check(regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").optional().saveAs("springCsrf"))),
                exec(http(name + ": init")
                        .get(session -> "/?v-r=init&location=" + encode(route.apply(session)) + "&query="
                                + browserDetails(client(session)))
                        .check(status().is(200))
                        .check(bodyString().transformWithSession((body, session) -> client(session).acceptInit(body))
                                .is("ok"))),
                uidl(name + ": navigate", session -> List.of(VaadinClient.navigate(route.apply(session))),
                        expected));
    }

    public static ChainBuilder page(String name, String route, Expectation... expected) {
        return page(name, session -> route, expected);
    }

    /** One UIDL request with the invocations {@code rpc} builds, its answer checked as described above. */
    public static ChainBuilder uidl(String name, Function<Session, List<ObjectNode>> rpc, Expectation... expected) {
        return exec(http(name)
                .post(session -> "/?v-r=uidl&v-uiId=" + client(session).uiId())
                .body(StringBody(session -> client(session).message(rpc.apply(session))))
                .asJson()
                .check(status().is(200))
                .check(bodyString().transformWithSession((body, session) -> {
                    VaadinClient client = client(session);
                    String read = client.accept(body);
                    if (!"ok".equals(read)) {
                        return read;
                    }
                    for (String error : ERROR_TEXTS) {
                        if (body.contains(error)) {
                            return "error notification: " + error;
                        }
                    }
                    List<String> missing = new ArrayList<>();
                    for (Expectation expectation : expected) {
                        String what = expectation.missing(client, body, session);
                        if (what != null) {
                            missing.add(what);
                        }
                    }
                    return missing.isEmpty() ? "ok" : String.join(", ", missing);
                }).is("ok")))
                .exitHereIfFailed();
    }

    /**
     * A click on the sign-out button: the answer says the session has ended (as it should now) and sends the browser
     * on, to the sign-in page, which it loads.
     */
    public static ChainBuilder signOut(String name, String elementId) {
        return exec(http(name)
                .post(session -> "/?v-r=uidl&v-uiId=" + client(session).uiId())
                .body(StringBody(session -> client(session).message(
                        List.of(VaadinClient.click(client(session).requireNode(elementId))))))
                .asJson()
                .check(status().is(200))
                .check(bodyString().transformWithSession((body, session) -> {
                    String read = client(session).accept(body);
                    if (!"ok".equals(read) && !VaadinClient.SESSION_EXPIRED.equals(read)) {
                        return read;
                    }
                    return body.contains("window.open($0, $1)") ? "ok" : "no page to go to after signing out";
                }).is("ok")))
                .exitHereIfFailed()
                // the old page is gone with its session: nothing to leave, a new tab state for the sign-in page
                .exec(newTab())
                .exec(page(name + ": sign-in page", "login", text("vaadin-login-form")));
    }

    /** A click on the element with this id. */
    public static ChainBuilder click(String name, String elementId, Expectation... expected) {
        return uidl(name, session -> List.of(VaadinClient.click(client(session).requireNode(elementId))), expected);
    }

    public static ChainBuilder click(String name, Function<Session, String> elementId, Expectation... expected) {
        return uidl(name, session -> List.of(VaadinClient.click(client(session).requireNode(elementId.apply(session)))),
                expected);
    }

    /** The page the server sent the browser to in the answer before ({@code Page.setLocation}), loaded. */
    public static ChainBuilder followLocation(String name, Expectation... expected) {
        return exec(session -> {
            String target = client(session).takeLocation().orElse(null);
            if (target == null) {
                return session.markAsFailed();
            }
            return session.set("location", target.startsWith("/") ? target.substring(1) : target);
        }).exitHereIfFailed()
                .exec(page(name, session -> session.getString("location"), expected));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What Vaadin's bootstrap script tells the server about the browser (a laptop screen, Kontor's own zone). */
    private static String browserDetails(VaadinClient client) {
        return "&v-sh=768&v-sw=1366&v-wh=657&v-ww=1366&v-bh=657&v-bw=1366&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=-60&v-dstd=60&v-rtzo=-60&v-dston=false&v-tzid=Europe%2FBerlin&v-wn="
                + encode(client.windowName())
                + "&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
                + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED&v-wla=SUPPORTED&v-ws=false";
    }
}
