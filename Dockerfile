# One image for the API, the worker and the migrate job (target `app`); the dashboard's static files behind nginx
# (target `dashboard`).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/shared/package.json libs/shared/
COPY libs/triage-engine/package.json libs/triage-engine/
# npm ci's postinstall applies these (patch-package): fixes to dependencies, see patches/README.md.
COPY patches patches
RUN npm ci --no-audit --no-fund
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build --outputStyle=static && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DASHBOARD_DIR=/app/dist/apps/dashboard
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/libs/shared/package.json libs/shared/package.json
COPY --from=build /app/libs/shared/dist libs/shared/dist
COPY --from=build /app/libs/triage-engine/package.json libs/triage-engine/package.json
COPY --from=build /app/libs/triage-engine/dist libs/triage-engine/dist
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]

FROM nginx:1.27-alpine AS dashboard
COPY --from=build /app/dist/apps/dashboard /usr/share/nginx/html
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
