# Production image for both roles, from the built output only (no ts-node, no src/):
#   api (default):  node --max-semi-space-size=64 dist/src/main.js --role api
#   worker:         node --max-old-space-size=256 dist/src/worker.js
#   ops commands:   node dist/src/cli/main.js <migration:run|seed|pii:rotate|digest:send|...>
# The Node version is the one the tests run on (test/docker-compose.integration-spec.ts checks the major).
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY scripts/build-server.mjs ./scripts/
COPY src ./src
COPY libs ./libs
COPY migrations ./migrations
# The web console: built by the same `npm run build` (GraphQL types from schema.gql, typecheck, Vite bundle).
COPY web ./web
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
USER node
# 3000: the API. 9464: the worker's health and metrics listener.
EXPOSE 3000 9464
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js", "--role", "api"]
