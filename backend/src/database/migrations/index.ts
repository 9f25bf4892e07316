import { InitialSchema1763780000000 } from './1763780000000-initial-schema.js';
import { TeamAndAccess1763790000000 } from './1763790000000-team-and-access.js';
import { ChatArchive1765100000000 } from './1765100000000-chat-archive.js';
import { SearchWithinAChannel1765200000000 } from './1765200000000-search-within-a-channel.js';
import { StreamEvents1765300000000 } from './1765300000000-stream-events.js';
import { ViewerProfileImages1765400000000 } from './1765400000000-viewer-profile-images.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  InitialSchema1763780000000,
  TeamAndAccess1763790000000,
  ChatArchive1765100000000,
  SearchWithinAChannel1765200000000,
  StreamEvents1765300000000,
  ViewerProfileImages1765400000000,
];
