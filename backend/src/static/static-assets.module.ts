import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

// Same relative path from src/static and dist/static: the sibling projects' build output.
const ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/browser', import.meta.url));
/** A path whose last segment has no file extension. */
const APP_ROUTE = /^(?:\/[^/]*)*\/[^/.]*$/;
const OVERLAYS_DIST = fileURLToPath(new URL('../../../overlays/dist', import.meta.url));

/** The built admin at `/` (SPA: unknown app routes get index.html) and the overlays under `/overlay/`. */
@Module({
  imports: [
    ServeStaticModule.forRoot(
      {
        rootPath: OVERLAYS_DIST,
        serveRoot: '/overlay',
        // `/overlay/alerts` is `alerts.html`, as OBS sources are told.
        serveStaticOptions: { fallthrough: false, extensions: ['html'] },
      },
      {
        rootPath: ADMIN_DIST,
        // Only app routes fall back to index.html; a missing file (an old lazy chunk) is a 404.
        renderPath: APP_ROUTE,
        exclude: [
          '/api/{*path}',
          '/metrics',
          '/overlay/{*path}',
          // The justlog/rustlog log APIs live at the root, where their clients expect them.
          '/channels',
          '/list',
          '/channel/{*path}',
          '/channelid/{*path}',
        ],
      },
    ),
  ],
})
export class StaticAssetsModule {}
