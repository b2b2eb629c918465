# Kontor as a container: built with the Maven wrapper, run on a JRE as a non-root user, on PostgreSQL by default.
# Build: docker build -t kontor .
# Run:   docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/kontor \
#          -e SPRING_DATASOURCE_USERNAME=kontor -e SPRING_DATASOURCE_PASSWORD=... \
#          -e KONTOR_BASE_URL=https://kontor.example.com kontor
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto/-For; no demo data and no demo mailbox (no demo profile).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw --batch-mode --no-transfer-progress dependency:resolve
COPY src src
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package \
    && cp target/kontor-*.jar /workspace/kontor.jar

FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system kontor \
    && useradd --system --gid kontor --home-dir /app --shell /usr/sbin/nologin kontor
WORKDIR /app
COPY --from=build --chown=kontor:kontor /workspace/kontor.jar /app/kontor.jar
USER kontor
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/kontor.jar"]
