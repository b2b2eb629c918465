package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kontor.testing.DemoPeople;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as it is shipped, started with {@code java -jar} in a process of its own on an empty H2 file
 * database, asked over plain HTTP as an attacker would: once without a profile (a production start) and once with
 * the demo profile. Nothing here goes through Spring's test support, so what is checked is what a browser gets.
 */
class ProductionJarHttpIT {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private static RunningJar production;
    private static RunningJar demo;

    @BeforeAll
    static void startTheJarTwice() throws Exception {
        Path jar = packagedJar();
        production = RunningJar.start(jar, "production", List.of());
        demo = RunningJar.start(jar, "demo", List.of("--spring.profiles.active=demo"));
        production.awaitHealthy();
        demo.awaitHealthy();
    }

    @AfterAll
    static void stopTheJars() {
        Stream.of(production, demo).filter(java.util.Objects::nonNull).forEach(RunningJar::stop);
    }

    // --- headers

    @Test
    void the_sign_in_page_carries_the_protective_headers() throws Exception {
        HttpResponse<String> login = production.get("/login", Map.of());

        assertThat(login.statusCode()).isEqualTo(200);
        assertProtectiveHeaders(login);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
    }

    @Test
    void a_forged_token_page_answers_404_with_the_page_and_the_protective_headers_and_is_not_cached()
            throws Exception {
        HttpResponse<String> invitation = production.get("/invitation/some-token-nobody-issued", Map.of());

        assertThat(invitation.statusCode()).isEqualTo(404);
        assertThat(invitation.body()).contains("<html").doesNotContain("Exception");
        assertProtectiveHeaders(invitation);
        assertThat(production.get("/invitation/" + "A".repeat(43), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_request_the_server_refuses_before_kontor_sees_it_gets_the_headers_too_and_no_server_name()
            throws Exception {
        for (String refused : List.of("GET /login{x} HTTP/1.1", "GET /%2e%2e/%00 HTTP/1.1")) {
            String response = production.raw(refused + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(response).as(refused).startsWith("HTTP/1.1 400");
            assertThat(headerOf(response, "Content-Security-Policy")).as(refused).get().asString()
                    .contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(headerOf(response, "X-Content-Type-Options")).as(refused).contains("nosniff");
            assertThat(headerOf(response, "X-Frame-Options")).as(refused).contains("DENY");
            assertThat(headerOf(response, "Referrer-Policy")).as(refused).contains("no-referrer");
            assertThat(response).as(refused).doesNotContain("Tomcat", "Exception");
        }
    }

    @Test
    void a_signed_in_page_is_not_cached_either() throws Exception {
        Session ben = demo.signIn(DemoPeople.BEN, DemoPeople.PASSWORD);

        HttpResponse<String> dashboard = demo.get("/", ben.cookieHeader());

        assertThat(dashboard.statusCode()).as("signed in").isEqualTo(200);
        assertProtectiveHeaders(dashboard);
    }

    private static void assertProtectiveHeaders(HttpResponse<String> page) {
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'",
                "base-uri 'self'", "form-action 'self'", "connect-src 'self'");
        assertThat(policy).doesNotContain("*", "http:", "https:");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Permissions-Policy")).get().asString()
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().allValues("Cache-Control")).anySatisfy(value -> assertThat(value).contains("no-store"));
    }

    // --- cookies and session ids

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_secure_when_the_proxy_says_tls() throws Exception {
        String plain = sessionCookie(production.get("/login", Map.of()));
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        // a TLS-terminating proxy on this computer (a trusted internal proxy) passes the scheme on
        HttpResponse<String> overTls = production.get("/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(sessionCookie(overTls)).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void no_session_id_ever_appears_in_an_address() throws Exception {
        HttpResponse<String> login = production.get("/login", Map.of());
        HttpResponse<String> toSignIn = production.get("/accounts/CN-10001", Map.of());

        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        // the first answer to a browser without a cookie is where a container would put the id into the URL
        assertThat(toSignIn.headers().firstValue("Location")).contains("/login");

        Session ben = demo.signIn(DemoPeople.BEN, DemoPeople.PASSWORD);
        assertThat(ben.landing()).doesNotContainIgnoringCase("jsessionid");
        assertThat(demo.get("/", ben.cookieHeader()).body()).doesNotContainIgnoringCase("jsessionid");
    }

    // --- sign-in CSRF

    @Test
    void a_sign_in_form_posted_from_another_site_without_the_token_signs_nobody_in() throws Exception {
        for (RunningJar jar : List.of(production, demo)) {
            // the attacker's page posts the attacker's own (valid) credentials; the browser has no Kontor cookie
            HttpResponse<String> posted = jar.post("/login", Map.of("Origin", "https://attacker.example"),
                    Map.of("username", DemoPeople.BEN, "password", DemoPeople.PASSWORD));

            assertThat(posted.statusCode()).as(jar.name).isIn(302, 403);
            assertThat(posted.headers().firstValue("Location").orElse("/login")).as(jar.name).startsWith("/login");
            Map<String, String> cookie = cookieOf(posted);
            assertThat(jar.get("/", cookie).statusCode()).as(jar.name + ": still signed out").isEqualTo(302);
        }
    }

    @Test
    void a_sign_in_with_the_session_but_without_the_token_of_the_page_is_refused_too() throws Exception {
        HttpResponse<String> page = demo.get("/login", Map.of());
        Map<String, String> cookie = cookieOf(page);

        HttpResponse<String> posted = demo.post("/login", cookie,
                Map.of("username", DemoPeople.BEN, "password", DemoPeople.PASSWORD, "_csrf", "forged"));

        assertThat(posted.headers().firstValue("Location").orElse("/login")).startsWith("/login");
        assertThat(demo.get("/", cookie).statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void a_sign_in_with_the_token_of_the_page_signs_in() throws Exception {
        Session ben = demo.signIn(DemoPeople.BEN, DemoPeople.PASSWORD);

        assertThat(ben.landing()).isEqualTo("/");
        assertThat(demo.get("/", ben.cookieHeader()).statusCode()).isEqualTo(200);
    }

    // --- the demo mailbox and demo data

    @Test
    void without_the_demo_profile_there_is_no_demo_mailbox_and_no_demo_login() throws Exception {
        HttpResponse<String> mailbox = production.get("/dev/mailbox", Map.of());
        HttpResponse<String> unknown = production.get("/no/such/page", Map.of());

        assertThat(mailbox.statusCode()).as("like any unknown address").isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(mailbox.headers().firstValue("Location")).contains("/login");
        assertThat(production.trySignIn(DemoPeople.BEN, DemoPeople.PASSWORD)).as("no demo people")
                .startsWith("/login?error");
        assertThat(production.log()).doesNotContain("demo mailbox is on").doesNotContain("Demo data loaded");
    }

    @Test
    void with_the_demo_profile_the_mailbox_is_there_and_says_so_in_the_log() throws Exception {
        assertThat(demo.get("/dev/mailbox", Map.of()).statusCode()).isEqualTo(200);
        assertThat(demo.log()).contains("WARN").contains("The demo mailbox is on");
    }

    // --- Host header

    @Test
    void a_forged_host_header_never_makes_a_redirect() throws Exception {
        String response = production.raw("GET /accounts/CN-10001 HTTP/1.1\r\nHost: attacker.example\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(locationOf(response)).isEqualTo("/login");
        assertThat(response).doesNotContain("attacker.example");
    }

    @Test
    void a_forged_host_header_in_the_request_saved_before_sign_in_does_not_lead_away_after_it() throws Exception {
        String saved = demo.raw("GET /no/such/page HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        String cookie = setCookieOf(saved);
        HttpResponse<String> login = demo.get("/login", Map.of("Cookie", cookie));
        String body = form(Map.of("username", DemoPeople.BEN, "password", DemoPeople.PASSWORD,
                csrfParameter(login.body()), csrfToken(login.body())));

        String signedIn = demo.raw("POST /login HTTP/1.1\r\nHost: attacker.example\r\nCookie: " + cookie + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(signedIn).startsWith("HTTP/1.1 302");
        assertThat(locationOf(signedIn)).isEqualTo("/no/such/page?continue");
        assertThat(signedIn).doesNotContain("attacker.example");
    }

    // --- helpers

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set"));
    }

    private static Map<String, String> cookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .map(value -> Map.of("Cookie", value.substring(0, value.indexOf(';'))))
                .orElse(Map.of());
    }

    private static String locationOf(String rawResponse) {
        return headerOf(rawResponse, "Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    private static String setCookieOf(String rawResponse) {
        String value = headerOf(rawResponse, "Set-Cookie").orElseThrow(() -> new AssertionError("no cookie"));
        return value.substring(0, value.indexOf(';'));
    }

    private static Optional<String> headerOf(String rawResponse, String name) {
        String head = rawResponse.substring(0, Math.max(rawResponse.indexOf("\r\n\r\n"), 0));
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst();
    }

    static String csrfToken(String page) {
        Matcher token = CSRF_TOKEN.matcher(page);
        assertThat(token.find()).as("the sign-in page carries the CSRF token").isTrue();
        return token.group(1);
    }

    static String csrfParameter(String page) {
        Matcher parameter = CSRF_PARAMETER.matcher(page);
        assertThat(parameter.find()).as("the sign-in page names the CSRF parameter").isTrue();
        return parameter.group(1);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("kontor-.*\\.jar"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no target/kontor-*.jar: run the package phase first"));
        }
    }

    /** A signed-in browser, reduced to its cookie, and where the sign-in sent it. */
    record Session(String cookie, String landing) {

        Map<String, String> cookieHeader() {
            return Map.of("Cookie", cookie);
        }
    }

    /** One {@code java -jar} process on a free port with a database of its own in a temporary directory. */
    static final class RunningJar {

        final String name;
        final int port;
        private final Process process;
        private final Path directory;
        private final Path log;
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        private RunningJar(String name, int port, Process process, Path directory, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.directory = directory;
            this.log = log;
        }

        static RunningJar start(Path jar, String name, List<String> arguments) throws IOException {
            int port = freePort();
            Path directory = Files.createTempDirectory("kontor-jar-" + name);
            Path log = Path.of("target", "production-jar-" + name + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx320m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=jdbc:h2:async:" + directory.resolve("kontor") + ";AUTO_SERVER=FALSE",
                    // a real instance is given its own key for authenticator secrets, or it does not start
                    "--kontor.second-factor.key=" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RunningJar(name, port, process, directory, log);
        }

        void awaitHealthy() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("the " + name + " jar ended with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    HttpResponse<String> health = get("/actuator/health", Map.of());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            fail("the " + name + " jar did not become healthy:\n" + tail());
        }

        HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> headers, Map<String, String> fields)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the sign-in page as a browser does: its session cookie and the token of the page. */
        Session signIn(String email, String password) throws Exception {
            HttpResponse<String> page = get("/login", Map.of());
            Map<String, String> cookie = cookieOf(page);
            HttpResponse<String> posted = post("/login", cookie, Map.of("username", email, "password", password,
                    csrfParameter(page.body()), csrfToken(page.body())));
            assertThat(posted.statusCode()).as("sign-in answered with a redirect").isEqualTo(302);
            String landing = posted.headers().firstValue("Location").orElseThrow();
            assertThat(landing).as("signed in").doesNotStartWith("/login");
            Map<String, String> signedIn = cookieOf(posted).isEmpty() ? cookie : cookieOf(posted);
            return new Session(signedIn.get("Cookie"), landing);
        }

        /** Where a correct sign-in (with the page's token) sends the browser. */
        String trySignIn(String email, String password) throws Exception {
            HttpResponse<String> page = get("/login", Map.of());
            HttpResponse<String> posted = post("/login", cookieOf(page), Map.of("username", email,
                    "password", password, csrfParameter(page.body()), csrfToken(page.body())));
            return posted.headers().firstValue("Location").orElse("");
        }

        /** A request written by hand, for what {@link HttpClient} won't send (a Host header of our choosing). */
        String raw(String request) throws IOException {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException unreadable) {
                return "(no log: " + unreadable.getMessage() + ")";
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException leftBehind) {
                // a temporary directory; the system cleans it up
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
