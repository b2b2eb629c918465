package dev.kontor.e2e;

import dev.kontor.testing.SignInCodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code docs/install-tutorial.md}, step by step, as an installer would follow it: the packaged jar is started with
 * {@code java -jar} in a process of its own, on an empty PostgreSQL database owned by a role of its own (embedded
 * PostgreSQL standing in for the server), with a mail server that wants a password (GreenMail on a free port standing
 * in for the provider's SMTP server), configured only through the environment variables and arguments the tutorial
 * names. A browser then does what the tutorial tells the person to do, and the API is called as its curl line does.
 * Each test is one step of the tutorial, with its number; a step runs only when the one before it passed.
 * Screenshots land in {@code target/screenshots/tutorial-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallTutorialIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern LOG_LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR) ");
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://[^/\\s]+/invitation/[A-Za-z0-9_-]+");

    // the tutorial's own values
    private static final String DATABASE = "kontor";
    private static final String ROLE = "kontor";
    private static final String ROLE_PASSWORD = "change-me-db-secret";
    private static final String MAIL_USER = "kontor";
    private static final String MAIL_PASSWORD = "change-me-mail-secret";
    private static final String ADMIN = "it@example.com";
    private static final String ADMIN_NAME = "Ida Tech";
    private static final String ADMIN_PASSWORD = "lanterns guard the quiet harbour";
    private static final String PROVIDER = "Example Hosting";
    private static final String PARTNER = "Muster Agentur GmbH";
    private static final String REPRESENTATIVE = "rita@muster-agentur.example";
    private static final String ACCOUNT = "Bäckerei Beispiel";
    private static final String MANAGER = "bea@baeckerei-beispiel.example";
    private static final String SERVICE = "shop-cluster-1";
    private static final String TOKEN_NAME = "CRM sync";

    private final List<String> policyViolations = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private int completed;
    private Path jar;
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private int port;
    private Process kontor;
    private Path log;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private String invitationLink;
    private String customerNumber;
    private String token;

    @BeforeAll
    void startTheRestOfTheWorld() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAIL_USER, MAIL_PASSWORD));
        smtp.start();
        browser = new Browser();
        context = browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 900));
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Refused to")) {
                policyViolations.add(message.text());
            }
        });
        page = context.newPage();
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (context != null) {
            context.close();
        }
        if (browser != null) {
            browser.close();
        }
        stopKontor();
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        assertThat(policyViolations).as("Content-Security-Policy violations in the console").isEmpty();
    }

    @Test
    @Order(1)
    void step_1_the_build_leaves_the_production_jar_in_target() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("kontor-.*\\.jar"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no target/kontor-*.jar: run the package phase first"));
        }
        completed = 1;
    }

    @Test
    @Order(2)
    void step_2_a_role_and_an_empty_database_it_owns_are_created_in_postgresql() throws Exception {
        after(1);
        postgres = EmbeddedPostgres.builder().start();
        // what the tutorial has the installer type into psql as the PostgreSQL superuser
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             Statement sql = superuser.createStatement()) {
            sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8' TEMPLATE template0");
        }
        try (Connection owner = DriverManager.getConnection(databaseUrl(), ROLE, ROLE_PASSWORD);
             ResultSet superuser = owner.createStatement().executeQuery("SELECT rolsuper FROM pg_roles "
                     + "WHERE rolname = current_user")) {
            assertThat(superuser.next()).isTrue();
            assertThat(superuser.getBoolean(1)).as("Kontor runs as a plain role, not as the superuser").isFalse();
        }
        completed = 2;
    }

    @Test
    @Order(3)
    void step_3_kontor_starts_on_postgresql_with_mail_and_invites_the_first_administrator() throws Exception {
        after(2);
        port = freePort();
        startKontor("first-start");

        String startLog = Files.readString(log);
        assertThat(startLog).containsPattern("profile.* active.*postgres")
                .doesNotContain("Demo data loaded");
        assertQuietLog();
        try (Connection owner = DriverManager.getConnection(databaseUrl(), ROLE, ROLE_PASSWORD);
             ResultSet trigrams = owner.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) {
            trigrams.next();
            assertThat(trigrams.getInt(1)).as("the database's owner created pg_trgm itself").isEqualTo(1);
        }
        completed = 3;
    }

    @Test
    @Order(4)
    void step_4_the_invitation_link_is_in_the_log_and_in_the_mail() throws Exception {
        after(3);
        String line = awaitLogLine("First provider administrator invited");
        assertThat(line).contains("WARN", ADMIN, PROVIDER);
        Matcher inLog = INVITATION_LINK.matcher(line);
        assertThat(inLog.find()).as("the log line ends with the link").isTrue();
        invitationLink = inLog.group();
        assertThat(invitationLink).as("the link starts with KONTOR_BASE_URL").startsWith(baseUrl() + "/invitation/");

        String mail = awaitMailTo(ADMIN, 1);
        assertThat(mail).startsWith("Invitation to " + PROVIDER + " in Kontor: Provider administrator\n")
                .contains(invitationLink, "Hello " + ADMIN_NAME + ",", "Kontor has been installed for " + PROVIDER);
        completed = 4;
    }

    @Test
    @Order(5)
    void step_5_the_administrator_opens_the_link_chooses_a_password_and_signs_in() {
        after(4);
        page.navigate(invitationLink);
        assertThat(page.locator("#invitation-text")).containsText("Hello " + ADMIN_NAME);
        assertThat(page.locator("#invitation-text")).containsText(PROVIDER);
        assertThat(page.locator("#invitation-text")).containsText("provider administrator");
        page.locator("#new-password input").fill(ADMIN_PASSWORD);
        page.locator("#repeat-password input").fill(ADMIN_PASSWORD);
        Accessibility.assertNoSeriousViolations(page, "the first administrator's invitation");
        screenshot("tutorial-05a-invitation");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#invitation-accepted")).containsText("You are now a provider administrator of "
                + PROVIDER);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in now")).click();
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(page.locator("#provider-administration")).containsText("Partners");
        assertThat(page.getByText("Welcome, " + ADMIN_NAME)).isVisible();
        Accessibility.assertNoSeriousViolations(page, "the first administrator's dashboard");
        screenshot("tutorial-05b-signed-in");
        completed = 5;
    }

    @Test
    @Order(6)
    void step_6_the_administrator_creates_a_partner_whose_legal_representative_is_invited() throws Exception {
        after(5);
        navigateBy("Partners");
        assertThat(page.locator("#partner-count")).isVisible();
        screenshot("tutorial-06a-no-partners-yet");
        page.locator("#new-partner").click();
        page.locator("#new-partner-name input").fill(PARTNER);
        page.locator("#new-partner-email input").fill(REPRESENTATIVE);
        page.locator("#new-partner-representative input").fill("Rita Muster");
        screenshot("tutorial-06b-new-partner");
        page.locator("#submit-new-partner").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Partner " + PARTNER + " created");
        assertThat(page.locator("vaadin-grid#partners")).containsText(PARTNER);
        screenshot("tutorial-06c-partner-created");

        assertThat(awaitMailTo(REPRESENTATIVE, 1)).startsWith("Invitation to represent " + PARTNER + " in Kontor\n")
                .containsPattern(INVITATION_LINK)
                .contains(ADMIN_NAME + " has invited you to represent the partner " + PARTNER);
        completed = 6;
    }

    @Test
    @Order(7)
    void step_7_the_administrator_creates_a_customer_account_with_its_first_manager_and_a_service()
            throws Exception {
        after(6);
        navigateBy("Customer accounts");
        screenshot("tutorial-07a-no-accounts-yet");
        page.locator("#new-account").click();
        // the dialog puts the focus on its first field once open: typing waits for that, or it lands there
        assertThat(page.locator("#new-account-number input")).isFocused();
        page.locator("#new-account-name input").fill(ACCOUNT);
        page.locator("#new-account-street input").fill("Hauptstraße 1");
        page.locator("#new-account-postal-code input").fill("20095");
        page.locator("#new-account-city input").fill("Hamburg");
        // the country is chosen from the list by its name, and kept as its code (DE)
        page.locator("#new-account-country input").fill("Germany");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Germany")).first()
                .click();
        page.locator("#new-account-manager-email input").fill(MANAGER);
        page.locator("#new-account-manager-name input").fill("Bea Beispiel");
        screenshot("tutorial-07b-new-account");
        page.locator("#submit-new-account").click();
        Locator created = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Account " + ACCOUNT));
        assertThat(created).isVisible();
        Matcher number = Pattern.compile("\\(([^)]+)\\) created").matcher(created.first().textContent());
        assertThat(number.find()).as("the notice names the customer number").isTrue();
        customerNumber = number.group(1);
        assertThat(customerNumber).as("the first free number on a new installation").isEqualTo("CN-10001");

        page.locator("#account-search input").fill(ACCOUNT);
        assertThat(page.locator("#account-count")).hasText("One customer account");
        page.locator("vaadin-grid#accounts a").filter(new Locator.FilterOptions().setHasText(customerNumber)).click();
        assertThat(page.locator("#account-title")).containsText(ACCOUNT);
        page.locator("#add-service").click();
        page.locator("#service-name input").fill(SERVICE);
        page.locator("#save-service").click();
        assertThat(page.locator("vaadin-grid#account-services")).containsText(SERVICE);
        assertThat(page.locator("#service-dialog[opened]")).hasCount(0);
        page.waitForTimeout(300); // the dialog's fade-out, for the screenshot
        screenshot("tutorial-07c-account-with-service");

        assertThat(awaitMailTo(MANAGER, 1)).startsWith("Invitation to manage " + ACCOUNT + " (" + customerNumber
                + ") in Kontor\n").containsPattern(INVITATION_LINK);
        completed = 7;
    }

    @Test
    @Order(8)
    void step_8_an_api_token_is_created_and_reads_the_audit_log_over_http() throws Exception {
        after(7);
        navigateBy("API tokens");
        assertThat(page.locator("vaadin-grid#api-tokens")).containsText("No tokens yet. Create token issues");
        page.locator("#api-token-name input").fill(TOKEN_NAME);
        screenshot("tutorial-08a-new-token");
        page.locator("#api-token-create").click();
        Locator secret = page.locator("#api-token-secret input");
        assertThat(secret).hasValue(Pattern.compile("^kontor_.+"));
        token = secret.inputValue();
        Accessibility.assertNoSeriousViolations(page, "the token, shown once");
        screenshot("tutorial-08b-token-shown-once");
        page.locator("#api-token-secret-done").click();
        assertThat(page.locator("#api-token-secret-dialog[opened]")).hasCount(0);
        assertThat(page.locator("#api-token-name")).not().hasAttribute("invalid", "");
        assertThat(page.locator("vaadin-grid#api-tokens")).containsText(TOKEN_NAME);

        // curl -H "Authorization: Bearer $KONTOR_TOKEN" "$KONTOR_BASE_URL/api/v1/audit-events?limit=5"
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/audit-events?limit=5"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).get().asString().contains("application/json");
        assertThat(events.body()).contains("\"items\"", "\"nextCursor\"", "\"kind\":\"API_TOKEN_CREATED\"",
                "\"actor\":\"" + ADMIN + "\"", "\"summary\":\"API token " + TOKEN_NAME + " issued (Read)\"");
        // what the tutorial shows as the answer
        Files.writeString(Path.of("target", "install-tutorial-audit-events.json"), events.body());

        HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/audit-events")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).as("no token, no answer").isEqualTo(401);

        page.reload();
        assertThat(page.locator("vaadin-grid#api-tokens")).not().containsText("Never");
        screenshot("tutorial-08c-token-used");
        completed = 8;
    }

    @Test
    @Order(9)
    void step_9_the_next_start_with_the_same_settings_invites_nobody_and_keeps_everything() throws Exception {
        after(8);
        int mailsBefore = smtp.getReceivedMessages().length;
        stopKontor();
        startKontor("next-start");

        assertThat(awaitLogLine("A provider administrator exists already")).contains("INFO");
        assertThat(Files.readString(log)).doesNotContain("First provider administrator invited");
        assertQuietLog();
        context.clearCookies();
        page.navigate(baseUrl() + "/login");
        signIn(ADMIN, ADMIN_PASSWORD);
        navigateBy("Customer accounts");
        assertThat(page.locator("vaadin-grid#accounts")).containsText(customerNumber);
        screenshot("tutorial-09-after-the-next-start");
        assertThat(smtp.getReceivedMessages()).as("no new invitation").hasSize(mailsBefore);
        completed = 9;
    }

    // --- the installation

    private void startKontor(String name) throws Exception {
        log = Path.of("target", "install-tutorial-" + name + ".log").toAbsolutePath();
        Path workingDirectory = Files.createTempDirectory("kontor-tutorial");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(),
                "--kontor.bootstrap.admin-email=" + ADMIN,
                "--kontor.bootstrap.admin-name=" + ADMIN_NAME,
                "--kontor.bootstrap.provider-name=" + PROVIDER));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // only what the tutorial sets: nothing of this build's own environment leaks in
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("KONTOR_"));
        builder.environment().putAll(tutorialEnvironment());
        kontor = builder.start();
        awaitHealthy();
    }

    /** The tutorial's `openssl rand -base64 32`, made once for all starts of this installation (the key is kept). */
    private static final String SECOND_FACTOR_KEY = newSecondFactorKey();

    private static String newSecondFactorKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** The environment of the tutorial's step 3, with this test's ports. */
    private Map<String, String> tutorialEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("SPRING_DATASOURCE_URL", databaseUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", ROLE);
        environment.put("SPRING_DATASOURCE_PASSWORD", ROLE_PASSWORD);
        environment.put("SPRING_MAIL_HOST", "localhost");
        environment.put("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
        environment.put("SPRING_MAIL_USERNAME", MAIL_USER);
        environment.put("SPRING_MAIL_PASSWORD", MAIL_PASSWORD);
        environment.put("SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true");
        // GreenMail speaks no STARTTLS; a real mail server on port 587 gets the two STARTTLS settings as well
        environment.put("KONTOR_MAIL_FROM", "Kontor <no-reply@example.com>");
        environment.put("KONTOR_BASE_URL", baseUrl());
        environment.put("KONTOR_SECOND_FACTOR_KEY", SECOND_FACTOR_KEY);
        environment.put("PORT", String.valueOf(port));
        return environment;
    }

    private void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!kontor.isAlive()) {
                fail("Kontor ended with " + kontor.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("Kontor did not become healthy:\n" + tail());
    }

    private void stopKontor() {
        if (kontor == null) {
            return;
        }
        kontor.destroy();
        try {
            if (!kontor.waitFor(30, TimeUnit.SECONDS)) {
                kontor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            kontor.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        kontor = null;
    }

    /**
     * Nothing in the log at ERROR, and at WARN only what the installer is meant to act on: a warning that asks them
     * to change something they should leave alone (or that nobody can act on) sends them the wrong way.
     */
    private void assertQuietLog() throws IOException {
        List<String> loud = Files.readAllLines(log).stream()
                .filter(line -> LOG_LEVEL.matcher(line).find())
                .filter(line -> !line.contains("First provider administrator invited"))
                .toList();
        assertThat(loud).as("log lines at WARN or ERROR").isEmpty();
    }

    /** The bootstrap runs once the application is ready, a moment after the health check may say UP. */
    private String awaitLogLine(String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(200);
        }
        return fail("no log line with \"" + text + "\":\n" + tail());
    }

    /** The text of the n-th mail to the address, once Kontor's sender has delivered it (it polls every 5 s). */
    private String awaitMailTo(String address, int nth) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO)).contains(address)) {
                    mails.add(message);
                }
            }
            if (mails.size() >= nth) {
                MimeMessage mail = mails.get(nth - 1);
                assertThat(GreenMailUtil.getAddressList(mail.getFrom())).contains("no-reply@example.com");
                Object content = mail.getContent();
                return mail.getSubject() + "\n" + (content instanceof String text ? text
                        : GreenMailUtil.getBody(mail));
            }
            smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
        }
        return fail("no mail to " + address + " arrived");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    private String databaseUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The administrator's authenticator, set up at their first sign-in. */
    private String authenticatorSecret;

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    // --- the browser

    /**
     * A provider administrator must have a second factor: the first sign-in sets up the authenticator (the test reads
     * its secret off the page, as a person would scan it), every later one gives a code from it.
     */
    private void signIn(String email, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#sign-out, #second-step-code, #set-up-step-view").first().waitFor();
        if (page.locator("#set-up-step-view").count() > 0) {
            assertThat(page.locator("#set-up-step-reasons")).containsText("provider administrators");
            screenshot("tutorial-05c-authenticator");
            authenticatorSecret = page.locator("#second-factor-secret").innerText().replace(" ", "");
            page.locator("#second-factor-code input").fill(SignInCodes.fresh(authenticatorSecret));
            page.locator("#second-factor-finish").click();
            assertThat(page.locator("#recovery-codes li")).hasCount(10);
            page.locator("#recovery-codes-done").click();
        } else if (page.locator("#second-step-code").count() > 0) {
            page.locator("#second-step-code input").fill(SignInCodes.fresh(authenticatorSecret));
            page.locator("#second-step-submit").click();
        }
        assertThat(page.locator("#sign-out")).isVisible();
    }

    private void navigateBy(String item) {
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private void after(int step) {
        Assumptions.assumeTrue(completed == step, "step " + step + " did not pass");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
