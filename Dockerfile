# Production image for both roles: `node --max-semi-space-size=64 dist/src/main.js --role api` (the default) and `node --max-old-space-size=256 dist/src/worker.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY src ./src
COPY libs ./libs
COPY migrations ./migrations
# The web console: built by the same `npm run build` (GraphQL types from schema.gql, typecheck, Vite bundle).
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js", "--role", "api"]
