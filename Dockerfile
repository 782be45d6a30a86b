# syntax=docker/dockerfile:1
# Identity Hub: one image for the API (default command) and the job worker (node dist/worker.js).

# --- build: compile TypeScript to dist/ -----------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall builds the UI only when scripts/ is present: not yet here, so it is done below.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build-ui.ts ./scripts/build-ui.ts
RUN npm run build && npm run build:ui

# --- runtime: production dependencies only, non-root ----------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
COPY package.json package-lock.json ./
# tsx stays a production dependency (it serves `npm start` from source); the image runs dist/.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The web page (index.html, app.css and the bundle); src/ui/plugin.ts looks for it beside dist/ui.
COPY --from=build /app/src/ui/public ./dist/ui/public
# The migrator reads ../../migrations relative to dist/store/migrate.js.
COPY migrations ./migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/data
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
