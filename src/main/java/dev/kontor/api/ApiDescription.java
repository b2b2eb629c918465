package dev.kontor.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's fixed parts. The server is given as "/" (the installation the description was fetched
 * from), so that the description is the same on every host and port and can be kept in the repository.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI kontorApi() {
        return new OpenAPI()
                .info(new Info().title("Kontor provisioning API").version("v1").description("""
                        The API of a Kontor installation for the provider's and partners' own systems. Every call \
                        carries an API token (Authorization: Bearer kontor_...) issued on the API tokens page; it \
                        acts as its organization, with that organization's rights. Errors are RFC 9457 problem \
                        details in the language of Accept-Language (English or German). Lists page by an opaque \
                        cursor (limit 1 to 200, default 50). Creates take an Idempotency-Key header (kept 24 hours). \
                        Each token is rate limited (429 with Retry-After)."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token of Kontor")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
