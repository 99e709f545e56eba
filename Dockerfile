# Haqqim: build with Maven, run on a Java 17 runtime as an unprivileged user.
#   docker build -t haqqim .
#   docker run -d --name haqqim -e TELEGRAM_BOT_TOKEN=... -e STAFF_CHAT_ID=... \
#     -v haqqim-data:/app/data haqqim
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
# The knowledge base is not part of the jar: an edit of it must not rebuild the bot.
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system haqqim && useradd --system --gid haqqim --home-dir /app haqqim
WORKDIR /app
COPY --from=build /build/target/haqqim.jar /app/haqqim.jar
# The memory settings ./haqqim uses too (BENCHMARKS.md: "Memory"); JAVA_OPTS, given after them, wins.
COPY jvm.options /app/jvm.options
# The knowledge base ships inside the image; mount a directory over /app/knowledge to edit it live.
COPY --chown=haqqim:haqqim knowledge /app/knowledge
RUN mkdir -p /app/data && chown haqqim:haqqim /app/data && chmod 700 /app/data
USER haqqim
# The SQLite database and the heartbeat live here; keep them on a volume.
VOLUME ["/app/data"]
ENV KNOWLEDGE_DIR=/app/knowledge \
    DATABASE_URL=jdbc:sqlite:/app/data/haqqim.db \
    HAQQIM_TELEGRAM_HEARTBEAT_FILE=/app/data/heartbeat \
    JAVA_OPTS=""
# Healthy while Telegram was polled successfully in the last three minutes.
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s --retries=3 \
    CMD java @/app/jvm.options -jar /app/haqqim.jar health 180 || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/haqqim.jar \"$@\"", "--"]
# A container runs the bot on Telegram and refuses to start without a token, so that a missing
# TELEGRAM_BOT_TOKEN is an error an operator sees, not a console chat that exits at once.
# `docker run -it haqqim console` still opens the console.
CMD ["telegram"]
