# syntax=docker/dockerfile:1
# qkg as a container: `docker build -t qkg .`, then `docker run -p 8000:8000 -v qkg-data:/data qkg`
# (the embedded store in the /data volume), or `docker compose up` with Neo4j (compose.yaml).
# Dependencies are exactly uv.lock's versions, hash-checked; the otel extra is included (tracing
# stays off until QKG_OTEL or an OTEL_* variable turns it on).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# -- build: a virtual environment in /opt/qkg with the locked dependencies, then qkg ----------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python -m pip install "uv>=0.13,<0.14" \
 && python -m venv /opt/qkg
# the dependency layer changes only when the lock does
COPY pyproject.toml uv.lock ./
RUN uv export --frozen --no-emit-project --extra otel --format requirements-txt -o /tmp/requirements.txt \
 && /opt/qkg/bin/pip install --require-hashes -r /tmp/requirements.txt
COPY README.md ./
COPY schemas ./schemas
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
RUN /opt/qkg/bin/pip install --no-deps . \
 && /opt/qkg/bin/qkg --version

# -- runtime: the environment only, as an unprivileged user, data in a volume ------------------
FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="qkg" \
      org.opencontainers.image.description="A knowledge graph of quantum-technology ecosystem actors, served through GraphQL." \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 qkg \
 && useradd --system --uid 10001 --gid qkg --home-dir /data --no-create-home --shell /usr/sbin/nologin qkg \
 && mkdir /data \
 && chown qkg:qkg /data
COPY --from=build /opt/qkg /opt/qkg
ENV PATH=/opt/qkg/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    QKG_HOST=0.0.0.0 \
    QKG_PORT=8000 \
    QKG_DATA_DIR=/data \
    QKG_LOG_FORMAT=json
VOLUME ["/data"]
USER 10001:10001
WORKDIR /data
EXPOSE 8000
# 200 from /health when the store answers; 503 (or no answer) fails the check
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('QKG_PORT', '8000') + '/health', timeout=4)"]
ENTRYPOINT ["qkg"]
CMD ["serve"]
