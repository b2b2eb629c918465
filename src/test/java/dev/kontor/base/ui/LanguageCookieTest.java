package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.mocks.MockResponse;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.testing.ViewTest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The language chosen in a browser outlives the session in a cookie, so that the sign-in page after a session end or
 * a change of node speaks it; a cookie that names no supported language is ignored.
 */
@ViewTest
class LanguageCookieTest extends SpringBrowserlessTest {

    @Autowired
    LanguageInitializer initializer;

    @Autowired
    dev.kontor.testing.Fixtures fixtures;

    @Test
    void choosing_a_language_keeps_it_in_a_year_long_cookie_that_only_the_server_reads() {
        fixtures.signIn(fixtures.person("Jonas"));
        navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<Locale> language = find(Select.class).withId("language-switch").single();

        test(language).selectItem("Deutsch");

        ServletResponse response = (VaadinServletResponse) VaadinResponse.getCurrent();
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        Cookie cookie = ((MockResponse) response).findCookie(LanguageCookie.NAME);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("de");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 60 * 60);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    }

    @Test
    void a_new_session_speaks_the_language_of_the_cookie_rather_than_the_browsers() {
        assertThat(initializer.languageFor(UI.getCurrent(), request("de", Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
        assertThat(initializer.languageFor(UI.getCurrent(), request("en", Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void a_forged_or_malformed_cookie_is_ignored_and_the_browsers_language_counts() {
        for (String forged : new String[] {"fr", "de-DE", "DE", "de;Path=/", "", "<script>", "en\u0000"}) {
            assertThat(initializer.languageFor(UI.getCurrent(), request(forged, Locale.GERMAN)))
                    .as(forged).isEqualTo(Locale.GERMAN);
        }
        assertThat(initializer.languageFor(UI.getCurrent(), request(null, Locale.GERMAN))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void the_persons_saved_language_counts_before_the_cookie() {
        fixtures.signIn(fixtures.person("Greta"));
        navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<Locale> language = find(Select.class).withId("language-switch").single();
        test(language).selectItem("Deutsch");
        // a new session of the same person, whose browser still holds the English cookie of another person
        UI.getCurrent().getSession().setAttribute(LanguageInitializer.class.getName() + ".chosen", null);

        assertThat(initializer.languageFor(UI.getCurrent(), request("en", Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
    }

    private static VaadinServletRequest request(String cookie, Locale browser) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.addPreferredLocale(browser);
        if (cookie != null) {
            request.setCookies(new Cookie(LanguageCookie.NAME, cookie));
        }
        return new VaadinServletRequest(request, null);
    }
}
