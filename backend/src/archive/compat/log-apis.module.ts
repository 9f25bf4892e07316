import { Module } from '@nestjs/common';

/** The log APIs existing chat clients speak: justlog/rustlog and recent-messages v2. */
@Module({})
export class LogApisModule {}
