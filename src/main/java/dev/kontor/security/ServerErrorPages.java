package dev.kontor.security;

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
 * request line): without this they carry none of the protective headers and name the server. They get the
 * headers, a policy that lets them run nothing, and no server name or report.
 */
@Component
public class ServerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Nothing on these pages may load or run; only Tomcat's own inline style is kept. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                // the host adds a report valve at its start only when none of this class is in its pipeline
                standard.setErrorReportValveClass(HeaderedErrorReport.class.getName());
                standard.getPipeline().addValve(new HeaderedErrorReport());
            }
        });
    }

    /** Tomcat's error report, with Kontor's protective headers and without the server's name or a report. */
    public static class HeaderedErrorReport extends ErrorReportValve {

        public HeaderedErrorReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            protect(response);
            super.report(request, response, throwable);
        }

        /** Kontor's protective headers on an error answer nothing has been written to yet. */
        protected static void protect(Response response) {
            if (response.getStatus() >= 400 && response.getContentWritten() == 0 && !response.isCommitted()) {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
                response.setHeader("Cache-Control", "no-store");
            }
        }
    }
}
