# syntax=docker/dockerfile:1
# One image for every docflow service; the service is the first argument (the command):
#   docker run docflow gateway | scanner | ocr | classifier | publisher | scheduler
# or fixed at build time: docker build --build-arg SERVICE=ocr .
ARG NODE_VERSION=20.20

# --- build: install all dependencies, compile the TypeScript workspaces, build the console's assets -
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY packages ./packages
COPY services ./services
COPY bench/package.json ./bench/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts \
  && npx tsc -b services/* packages/cli \
  && npm run build -w @docflow/console \
  && npm prune --omit=dev --no-audit --no-fund

# --- runtime: Node, tini, Tesseract (eng + spa), poppler; no compilers, non-root ------------------
# poppler-utils: the scanner and OCR read PDFs with it (packages/pdf); prlimit, which caps its
# memory, is util-linux's, already in the base image.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends \
    tini tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --system --gid 10001 docflow \
  && useradd --system --uid 10001 --gid docflow --home-dir /app --shell /usr/sbin/nologin docflow
WORKDIR /app
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=9464 \
    TESSERACT_PATH=tesseract
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/packages ./packages
COPY --from=build --chown=root:root /app/services ./services
COPY deploy/docker/entrypoint.sh /usr/local/bin/docflow
ARG SERVICE=""
ENV DOCFLOW_SERVICE=${SERVICE}
USER 10001:10001
EXPOSE 8080 9464
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/docflow"]
CMD []
