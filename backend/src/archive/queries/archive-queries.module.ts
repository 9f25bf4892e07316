import { Module } from '@nestjs/common';

/** The archive read back: messages, search, chatters, mod actions and their review, stats, export. */
@Module({})
export class ArchiveQueriesModule {}
