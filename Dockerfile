# syntax=docker/dockerfile:1
# Crystallize Server: build the jar with the Maven wrapper, run it on a JRE as a non-root user.
#   docker build -t crystallize-server .
#   docker compose up        (with PostgreSQL, see docker-compose.yml)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
# The SPI module's sources are compiled into the service (pom.xml, build-helper-maven-plugin).
COPY spi/ spi/
# The cache mount keeps ~/.m2 between builds; the tests run in CI (`./mvnw test`), not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests \
    && cp target/crystallize-server-*.jar /tmp/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin crystallize \
    && mkdir -p /app/data && chown -R crystallize /app
WORKDIR /app
COPY --from=build --chown=crystallize /tmp/app.jar /app/app.jar
USER crystallize
# ./data (relative to the working directory) holds the artifacts, and the H2 file when no database is configured.
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# Exec form: java is PID 1 and gets the SIGTERM of `docker stop`, which drains the node (see shutdown.NodeDrain).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
