package dev.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a demo person in through the sign-in form over plain HTTP, as a browser would (the form's CSRF token, the
 * session cookie), for tests that read first answers' statuses and bodies rather than drive pages.
 */
public final class HttpSignIn {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private HttpSignIn() {
    }

    /**
     * The cookies of a completed sign-in of {@code email} on the server at {@code port}; {@code moreCookies} (such
     * as "; " and a remembered browser's cookie, for people with an authenticator) go with every request and back.
     */
    public static String cookies(HttpClient client, int port, String email, String moreCookies) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page) + moreCookies;
        String form = Map.of("username", email, "password", DemoPeople.PASSWORD,
                        match(CSRF_PARAMETER, page.body()), match(CSRF_TOKEN, page.body())).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("signed in").isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("/login")
                .doesNotContain("sign-in");
        return posted.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="))
                ? sessionCookie(posted) + moreCookies : cookie;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        String value = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
        return value.substring(0, value.indexOf(';'));
    }

    private static String match(Pattern pattern, String page) {
        Matcher found = pattern.matcher(page);
        assertThat(found.find()).as("the sign-in page carries " + pattern).isTrue();
        return found.group(1);
    }
}
