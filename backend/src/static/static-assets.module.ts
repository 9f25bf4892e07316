import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

// Same relative path from src/static and dist/static: the sibling projects' build output.
const ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/browser', import.meta.url));
const OVERLAYS_DIST = fileURLToPath(new URL('../../../overlays/dist', import.meta.url));

/** The built admin at `/` (SPA: unknown paths get index.html) and the overlays under `/overlay/`. */
@Module({
  imports: [
    ServeStaticModule.forRoot(
      {
        rootPath: OVERLAYS_DIST,
        serveRoot: '/overlay',
        serveStaticOptions: { fallthrough: false },
      },
      {
        rootPath: ADMIN_DIST,
        exclude: ['/api/{*path}', '/metrics', '/overlay/{*path}'],
      },
    ),
  ],
})
export class StaticAssetsModule {}
