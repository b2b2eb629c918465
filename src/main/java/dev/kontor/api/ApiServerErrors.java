package dev.kontor.api;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import dev.kontor.security.PlainErrorPage;
import dev.kontor.security.ServerErrorPages;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any servlet or filter sees them (a control byte in a header value, a
 * malformed request line) and answers them with its own error page. For the API that answer is a problem detail
 * like every other API answer; elsewhere it is Kontor's plain page ({@link ServerErrorPages}).
 */
@Configuration(proxyBeanMethods = false)
class ApiServerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports(I18NProvider i18n, JsonMapper json) {
        return new Customizer(i18n, json);
    }

    /** Runs after Spring Boot's own Tomcat customizers, whose plain error report valve it replaces. */
    private record Customizer(I18NProvider i18n, JsonMapper json)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof StandardHost host)) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // the host adds a valve of this class only when none is there yet: ours is
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                host.getPipeline().addValve(new ApiErrorReportValve(i18n, json));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Kontor's plain error page, except under /api/, where it is an RFC 9457 problem in the API's words. */
    static final class ApiErrorReportValve extends ServerErrorPages.HeaderedErrorReport {

        private final I18NProvider i18n;
        private final JsonMapper json;

        ApiErrorReportValve(I18NProvider i18n, JsonMapper json) {
            super(i18n);
            this.i18n = i18n;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !uri.startsWith("/api/") || status < 400 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            protect(response);
            Locale language = PlainErrorPage.languageOf(request);
            boolean ours = status >= 500;
            String code = ours ? "unexpected" : "bad-request";
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setType(java.net.URI.create(ApiProblems.TYPE_BASE + code));
            problem.setTitle(i18n.getTranslation("api.problem." + code + ".title", language));
            problem.setDetail(i18n.getTranslation(ours ? "error.unexpected" : "api.error.bad-request", language));
            byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
            try {
                // whatever Tomcat began goes; a fixed length, so that no chunk is left half-written
                response.resetBuffer();
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentLength(body.length);
                OutputStream out = response.getOutputStream();
                out.write(body);
                out.flush();
            } catch (IOException | IllegalStateException gone) {
                // the client left, or the answer was under way: nothing more to say
            }
        }
    }
}
