package dev.kontor.security;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The pages Tomcat writes itself, for requests it refuses before Kontor sees them (a malformed address, a bad
 * request line): without this they are Tomcat's English report, carry none of the protective headers and name the
 * server. They are Kontor's {@link PlainErrorPage} instead, in the asker's language, with the headers and a policy
 * that lets them run nothing.
 */
@Component
public class ServerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Nothing on these pages may load or run; only the page's own inline style is kept. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final I18NProvider i18n;

    public ServerErrorPages(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                // the host adds a report valve at its start only when none of this class is in its pipeline
                standard.setErrorReportValveClass(HeaderedErrorReport.class.getName());
                standard.getPipeline().addValve(new HeaderedErrorReport(i18n));
            }
        });
    }

    /**
     * In place of Tomcat's error report, Kontor's plain page with its protective headers. Tomcat's report and server
     * name stay switched off too, for any path of the valve that might still reach them.
     */
    public static class HeaderedErrorReport extends ErrorReportValve {

        private final I18NProvider i18n;

        public HeaderedErrorReport(I18NProvider i18n) {
            this.i18n = i18n;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                PlainErrorPage.write(response, status, PlainErrorPage.languageOf(request), i18n);
            } catch (IOException | IllegalStateException gone) {
                // the client left, or the answer was under way: nothing more to say
            }
        }

        /** Kontor's protective headers on an error answer nothing has been written to yet. */
        protected static void protect(Response response) {
            if (response.getStatus() >= 400 && response.getContentWritten() == 0 && !response.isCommitted()) {
                PlainErrorPage.protect(response);
            }
        }
    }
}
