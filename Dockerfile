# Builds pzvo and runs the demo service on port 8080.
#   docker build -t pzvo . && docker run -p 8080:8080 pzvo
FROM debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      default-jdk-headless maven libcds-healpix-java \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/pzvo
COPY pom.xml pzvo ./
COPY src ./src
COPY conf ./conf
COPY tap-schema ./tap-schema
COPY webapp ./webapp
# Build once at image time; the launcher then finds the jar up to date.
RUN ./pzvo adql --syntax-only "SELECT 1 FROM lsst.object" > /dev/null
EXPOSE 8080
VOLUME /opt/pzvo/data
CMD ["./pzvo", "demo", "--port", "8080", "--data", "/opt/pzvo/data"]
