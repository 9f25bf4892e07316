# syntax=docker/dockerfile:1

# Build: the same steps as the README (npm install, then the Nx build that `npm start` runs).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY backend/package.json backend/
COPY admin/package.json admin/
COPY overlays/package.json overlays/
COPY simulator/package.json simulator/
COPY bench/package.json bench/
COPY e2e/package.json e2e/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: only what the server needs, as the unprivileged `node` user.
FROM node:22-bookworm-slim
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/integron
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/contracts/package.json contracts/
COPY --from=build /app/contracts/dist contracts/dist
COPY --from=build /app/simulator/package.json simulator/
COPY --from=build /app/simulator/dist simulator/dist
COPY --from=build /app/backend/package.json backend/
COPY --from=build /app/backend/dist backend/dist
COPY --from=build /app/admin/dist admin/dist
COPY --from=build /app/overlays/dist overlays/dist
RUN mkdir -p /var/lib/integron && chown node:node /var/lib/integron
USER node
EXPOSE 3000
VOLUME ["/var/lib/integron"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "backend/dist/main.js"]
