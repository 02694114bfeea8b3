# Waybill: one image for the API server (`waybill start --no-worker`) and for workers (`waybill worker`).
FROM node:20-bookworm AS build
WORKDIR /app
RUN npm i -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV HOST=0.0.0.0 PORT=3000 WAYBILL_DATA_DIR=/data
EXPOSE 3000
ENTRYPOINT ["node", "--no-node-snapshot", "packages/cli/dist/main.js"]
CMD ["start"]
