import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppRuntime } from './app.module.js';
import { SESSION_COOKIE } from './auth/auth-policy.js';
import { APP_VERSION } from './config/version.js';
import { ApiErrorBodyDto, withErrorResponses } from './http/api-error.dto.js';
import { logApiAwareCors } from './archive/compat/log-api-cors.js';
import { canonicalHost } from './http/canonical-host.js';
import { ClosedRootIoAdapter } from './http/socket-io.adapter.js';
import { EventSubTransport } from './twitch/eventsub/eventsub-transport.js';

export const JSON_BODY_LIMIT = '256kb';

/** Builds the whole application; `main.ts` and the integration tests share it. */
export async function createApp(runtime: AppRuntime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    bufferLogs: true,
    bodyParser: false,
    // Nest would otherwise abort the process, core dump and all, when a provider fails to start.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', runtime.config.http.trustProxy);
  app.use(canonicalHost(runtime.config.http.publicUrl, runtime.config.http.publicUrlConfigured));
  // EventSub webhooks are verified against the raw body: before any parser reads it.
  app.get(EventSubTransport).mount(app.getHttpAdapter().getInstance());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  app.use(securityHeaders(runtime.config.http.publicUrl));
  app.enableCors(
    logApiAwareCors({ origin: new URL(runtime.config.http.publicUrl).origin, credentials: true }),
  );
  app.useWebSocketAdapter(new ClosedRootIoAdapter(app));
  setUpOpenApi(app);
  return app;
}

/** Helmet's headers, with a policy the admin, the overlays and the API docs live within. */
function securityHeaders(publicUrl: string) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular and Swagger UI set styles at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https://static-cdn.jtvnw.net'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: publicUrl.startsWith('https:') ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Integron API')
      .setDescription(
        'REST API of Integron. Errors are JSON: `{ statusCode, code, message, details? }`.',
      )
      .setVersion(APP_VERSION)
      .addCookieAuth(
        SESSION_COOKIE,
        { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        SESSION_COOKIE,
      )
      .addSecurity('overlay-key', { type: 'apiKey', in: 'header', name: 'X-Overlay-Key' })
      .build(),
    { extraModels: [ApiErrorBodyDto] },
  );
  SwaggerModule.setup('api/docs', app, withErrorResponses(document), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    customSiteTitle: 'Integron API',
  });
}
